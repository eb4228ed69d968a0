lint
tests/golden/data/rules-bad/76-nesting-figure-blocks-40.rules
