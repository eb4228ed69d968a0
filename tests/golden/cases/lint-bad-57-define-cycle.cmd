lint
tests/golden/data/rules-bad/57-define-cycle.rules
