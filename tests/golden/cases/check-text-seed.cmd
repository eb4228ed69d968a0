check
--targets
tests/golden/data/import/suzhou-2024-seed.txt
--actuals
fixtures/suzhou-zrzy-2024/actuals-year.tsv
