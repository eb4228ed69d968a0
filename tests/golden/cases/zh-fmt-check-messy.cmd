--lang
zh
fmt
--check
tests/golden/data/rules-fmt-messy.rules
