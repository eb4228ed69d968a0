lint
tests/golden/data/rules-bad/61-table-missing.rules
