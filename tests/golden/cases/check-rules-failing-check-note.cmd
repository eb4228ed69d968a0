check
--targets
fixtures/suzhou-zrzy-2024/targets.tsv
--rules
tests/golden/data/rules-bad/66-budget-check-fails.rules
--actuals
fixtures/suzhou-zrzy-2024/actuals-year.tsv
