lint
tests/golden/data/rules-bad/24-bad-tolerance.rules
