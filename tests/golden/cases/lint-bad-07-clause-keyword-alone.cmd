lint
tests/golden/data/rules-bad/07-clause-keyword-alone.rules
