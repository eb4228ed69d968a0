lint
tests/golden/data/rules-bad/03-empty-corner-name.rules
