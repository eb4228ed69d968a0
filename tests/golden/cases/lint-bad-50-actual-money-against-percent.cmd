lint
tests/golden/data/rules-bad/50-actual-money-against-percent.rules
