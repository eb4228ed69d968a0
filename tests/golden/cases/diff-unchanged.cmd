diff
rules/suzhou-zrzy-2024.rules
rules/suzhou-zrzy-2024.rules
--actuals
fixtures/suzhou-zrzy-2024/actuals-half.tsv
fixtures/suzhou-zrzy-2024/figures-half.tsv
