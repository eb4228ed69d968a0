check
--targets
tests/golden/data/import/selfeval-budget-zero.csv
--actuals
tests/golden/data/import/selfeval-budget-zero.csv
