lint
tests/golden/data/rules-bad/39-clause-trailing-text.rules
