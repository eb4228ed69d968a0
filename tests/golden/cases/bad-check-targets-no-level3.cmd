check
--targets
tests/golden/data/bad/targets-no-level3.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
