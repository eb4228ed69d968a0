lint
tests/golden/data/rules-bad/60-import-missing.rules
