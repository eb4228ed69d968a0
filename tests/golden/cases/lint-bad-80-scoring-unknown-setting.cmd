lint
tests/golden/data/rules-bad/80-scoring-unknown-setting.rules
