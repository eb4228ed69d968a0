lint
tests/golden/data/rules-bad/10-figure-line-not-a-name.rules
