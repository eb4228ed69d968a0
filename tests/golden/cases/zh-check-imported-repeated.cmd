--lang
zh
check
--targets
tests/golden/data/import-tables/repeated.csv
--actuals
tests/golden/data/import-tables/repeated.csv
