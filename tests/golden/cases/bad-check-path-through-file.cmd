check
--targets
fixtures/suzhou-zrzy-2024/targets.tsv/x
--actuals
tests/golden/data/bad/actuals-ok.tsv
