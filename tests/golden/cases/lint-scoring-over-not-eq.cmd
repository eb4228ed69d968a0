lint
tests/golden/data/rules-score/over-not-eq.rules
