check
--targets
tests/golden/data/bad/targets-surrogate.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
