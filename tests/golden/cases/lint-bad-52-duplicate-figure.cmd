lint
tests/golden/data/rules-bad/52-duplicate-figure.rules
