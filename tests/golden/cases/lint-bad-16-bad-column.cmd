lint
tests/golden/data/rules-bad/16-bad-column.rules
