check
--targets
tests/golden/data/bad/targets-invalid-utf8.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
