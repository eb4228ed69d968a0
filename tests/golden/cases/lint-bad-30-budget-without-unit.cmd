lint
tests/golden/data/rules-bad/30-budget-without-unit.rules
