lint
tests/golden/data/rules-bad/44-unknown-name.rules
