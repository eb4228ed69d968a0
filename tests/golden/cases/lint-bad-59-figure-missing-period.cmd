lint
tests/golden/data/rules-bad/59-figure-missing-period.rules
