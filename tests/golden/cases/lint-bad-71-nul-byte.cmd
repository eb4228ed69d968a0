lint
tests/golden/data/rules-bad/71-nul-byte.rules
