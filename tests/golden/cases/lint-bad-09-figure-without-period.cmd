lint
tests/golden/data/rules-bad/09-figure-without-period.rules
