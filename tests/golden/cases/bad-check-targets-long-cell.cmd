check
--targets
tests/golden/data/bad/targets-long-cell.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
