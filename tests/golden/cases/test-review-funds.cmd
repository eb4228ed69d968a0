test
tests/golden/data/review/funds.test
