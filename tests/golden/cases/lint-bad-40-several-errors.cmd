lint
tests/golden/data/rules-bad/40-several-errors.rules
