lint
tests/golden/data/rules-bad/22-weight-not-a-number.rules
