lint
tests/golden/data/rules-bad/34-new-indicator-without-block.rules
