lint
tests/golden/data/bad/rules-many-stars.rules
