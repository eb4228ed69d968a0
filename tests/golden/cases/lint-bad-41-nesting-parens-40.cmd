lint
tests/golden/data/rules-bad/41-nesting-parens-40.rules
