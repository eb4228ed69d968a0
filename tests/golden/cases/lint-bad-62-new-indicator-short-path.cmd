lint
tests/golden/data/rules-bad/62-new-indicator-short-path.rules
