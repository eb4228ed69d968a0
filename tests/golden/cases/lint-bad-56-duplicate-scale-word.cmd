lint
tests/golden/data/rules-bad/56-duplicate-scale-word.rules
