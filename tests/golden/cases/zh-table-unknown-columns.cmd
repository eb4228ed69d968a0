--lang
zh
check
--targets
@TMP@/wide.tsv
--actuals
fixtures/suzhou-zrzy-2024/actuals-year.tsv
