lint
tests/golden/data/rules-bad/64-attribute-set-twice.rules
