lint
tests/golden/data/rules-bad/78-scoring-steps-out-of-order.rules
