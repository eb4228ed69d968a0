check
--targets
@TMP@/自评表.xlsx
--actuals
tests/golden/data/import-tables/actuals.tsv
