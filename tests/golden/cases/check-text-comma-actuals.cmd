check
--targets
fixtures/suzhou-zrzy-2024/targets.tsv
--actuals
tests/golden/data/bad/actuals-comma.txt
