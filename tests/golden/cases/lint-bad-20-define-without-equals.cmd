lint
tests/golden/data/rules-bad/20-define-without-equals.rules
