lint
tests/golden/data/rules-bad/08-target-without-value.rules
