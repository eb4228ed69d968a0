check
--targets
tests/golden/data/bad/targets-header-twice.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
