lint
tests/golden/data/rules-bad/63-new-indicator-glob.rules
