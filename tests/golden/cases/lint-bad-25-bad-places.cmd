lint
tests/golden/data/rules-bad/25-bad-places.rules
