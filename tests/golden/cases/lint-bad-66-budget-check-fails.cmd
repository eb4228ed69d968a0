lint
tests/golden/data/rules-bad/66-budget-check-fails.rules
