lint
tests/golden/data/rules-bad/18-call-without-argument.rules
