--lang
zh
test
tests/golden/data/rule-tests/suite
