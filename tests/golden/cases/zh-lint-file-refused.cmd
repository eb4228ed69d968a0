--lang
zh
lint
tests/golden/data/zh/rules-refused.rules
