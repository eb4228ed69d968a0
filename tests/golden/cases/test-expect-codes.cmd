test
-v
tests/golden/data/rule-tests/codes
