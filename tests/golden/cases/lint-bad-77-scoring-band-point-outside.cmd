lint
tests/golden/data/rules-bad/77-scoring-band-point-outside.rules
