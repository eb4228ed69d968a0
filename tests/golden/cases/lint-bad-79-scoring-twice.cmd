lint
tests/golden/data/rules-bad/79-scoring-twice/main.rules
