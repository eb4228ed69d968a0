lint
tests/golden/data/rules-bad/15-unclosed-paren.rules
