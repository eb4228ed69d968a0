lint
tests/golden/data/rules-bad/26-bad-bare-reading.rules
