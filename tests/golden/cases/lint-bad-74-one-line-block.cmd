lint
tests/golden/data/rules-bad/74-one-line-block.rules
