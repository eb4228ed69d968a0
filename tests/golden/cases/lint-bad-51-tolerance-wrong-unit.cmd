lint
tests/golden/data/rules-bad/51-tolerance-wrong-unit.rules
