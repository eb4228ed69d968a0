lint
tests/golden/data/rules-bad/05-import-without-quotes.rules
