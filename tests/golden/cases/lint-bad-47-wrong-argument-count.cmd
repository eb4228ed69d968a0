lint
tests/golden/data/rules-bad/47-wrong-argument-count.rules
