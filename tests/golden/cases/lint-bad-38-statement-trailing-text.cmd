lint
tests/golden/data/rules-bad/38-statement-trailing-text.rules
