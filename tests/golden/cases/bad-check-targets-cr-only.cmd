check
--targets
tests/golden/data/bad/targets-cr-only.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
