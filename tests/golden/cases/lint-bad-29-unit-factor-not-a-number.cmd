lint
tests/golden/data/rules-bad/29-unit-factor-not-a-number.rules
