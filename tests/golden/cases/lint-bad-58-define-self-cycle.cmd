lint
tests/golden/data/rules-bad/58-define-self-cycle.rules
