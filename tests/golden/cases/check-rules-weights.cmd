check
--rules
tests/golden/data/rules-score/weights.rules
--actuals
fixtures/suzhou-zrzy-2024/actuals-year.tsv
fixtures/suzhou-zrzy-2024/figures-year.tsv
