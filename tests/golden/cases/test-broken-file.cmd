test
tests/golden/data/rule-tests/broken/bad.test
tests/golden/data/rule-tests/suite
