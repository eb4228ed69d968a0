lint
tests/golden/data/rules-bad/32-scale-without-block.rules
