check
--targets
@TMP@/300mb-sparse.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
