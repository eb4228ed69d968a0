--lang
zh
fmt
--check
tests/golden/data/zh/rules-errors.rules
