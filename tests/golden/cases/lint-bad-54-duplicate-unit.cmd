lint
tests/golden/data/rules-bad/54-duplicate-unit.rules
