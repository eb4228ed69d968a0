lint
tests/golden/data/rules-bad/69-invalid-utf8.rules
