check
--targets
tests/golden/data/import/selfeval.txt
--actuals
tests/golden/data/import/selfeval.txt
--period
half
