fmt
--check
tests/golden/data/review/funds.rules
