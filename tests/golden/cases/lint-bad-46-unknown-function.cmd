lint
tests/golden/data/rules-bad/46-unknown-function.rules
