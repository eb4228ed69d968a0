lint
tests/golden/data/rules-bad/27-bad-severity.rules
