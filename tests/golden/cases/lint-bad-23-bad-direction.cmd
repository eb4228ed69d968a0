lint
tests/golden/data/rules-bad/23-bad-direction.rules
