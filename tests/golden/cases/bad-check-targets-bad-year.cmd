check
--targets
tests/golden/data/bad/targets-bad-year.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
