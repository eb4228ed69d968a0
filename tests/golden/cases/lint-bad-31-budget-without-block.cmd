lint
tests/golden/data/rules-bad/31-budget-without-block.rules
