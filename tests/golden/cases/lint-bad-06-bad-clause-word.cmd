lint
tests/golden/data/rules-bad/06-bad-clause-word.rules
