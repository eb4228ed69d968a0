--lang
zh
lint
tests/golden/data/zh/rules-errors.rules
