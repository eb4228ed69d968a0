lint
tests/golden/data/rules-bad/21-define-without-formula.rules
