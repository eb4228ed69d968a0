lint
tests/golden/data/rules-bad/53-duplicate-define.rules
