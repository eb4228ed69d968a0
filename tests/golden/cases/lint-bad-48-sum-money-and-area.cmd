lint
tests/golden/data/rules-bad/48-sum-money-and-area.rules
