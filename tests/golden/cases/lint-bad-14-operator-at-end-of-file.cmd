lint
tests/golden/data/rules-bad/14-operator-at-end-of-file.rules
