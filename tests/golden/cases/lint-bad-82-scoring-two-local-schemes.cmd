lint
tests/golden/data/rules-bad/82-scoring-two-local-schemes.rules
