--lang
zh
check
--rules
rules/suzhou-zrzy-2024.rules
--actuals
fixtures/suzhou-zrzy-2024/actuals-year.tsv
fixtures/suzhou-zrzy-2024/figures-year.tsv
