lint
tests/golden/data/rules-bad/67-empty.rules
