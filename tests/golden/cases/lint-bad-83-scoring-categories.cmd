lint
tests/golden/data/rules-bad/83-scoring-categories.rules
