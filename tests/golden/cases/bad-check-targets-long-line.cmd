check
--targets
tests/golden/data/bad/targets-long-line.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
