lint
tests/golden/data/rules-bad/12-check-without-relation.rules
