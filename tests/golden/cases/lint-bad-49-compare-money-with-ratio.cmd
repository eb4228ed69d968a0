lint
tests/golden/data/rules-bad/49-compare-money-with-ratio.rules
