lint
tests/golden/data/rules-bad/11-relation-without-comparator.rules
