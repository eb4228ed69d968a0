lint
tests/golden/data/rules-bad/55-duplicate-scale.rules
