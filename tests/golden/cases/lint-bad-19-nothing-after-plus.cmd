lint
tests/golden/data/rules-bad/19-nothing-after-plus.rules
