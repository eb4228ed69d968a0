lint
tests/golden/data/rules-bad/17-column-not-closed.rules
