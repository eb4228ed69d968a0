lint
tests/golden/data/rules-bad/13-operator-at-end-of-line.rules
