check
--targets
tests/golden/data/bad/targets-no-values.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
