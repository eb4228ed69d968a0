lint
tests/golden/data/rules-bad/84-tolerance-no-unit.rules
