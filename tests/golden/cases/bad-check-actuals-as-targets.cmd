check
--targets
tests/golden/data/bad/targets-actuals-header.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
