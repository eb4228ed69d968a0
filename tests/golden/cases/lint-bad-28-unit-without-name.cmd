lint
tests/golden/data/rules-bad/28-unit-without-name.rules
