lint
tests/golden/data/rules-bad/42-nesting-minus-40.rules
