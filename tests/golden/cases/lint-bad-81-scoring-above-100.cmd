lint
tests/golden/data/rules-bad/81-scoring-above-100.rules
