check
--targets
tests/golden/data/bad/targets-metadata-twice.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
