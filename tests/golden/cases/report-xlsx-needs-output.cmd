check
--targets
fixtures/suzhou-zrzy-2024/targets.tsv
--actuals
fixtures/suzhou-zrzy-2024/actuals-year.tsv
--format
xlsx
