lint
tests/golden/data/rules-bad/43-nesting-parens-32.rules
