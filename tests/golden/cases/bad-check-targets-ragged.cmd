check
--targets
tests/golden/data/bad/targets-ragged.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
