lint
tests/golden/data/rules-bad/36-indicator-without-path.rules
