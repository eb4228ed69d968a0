check
--targets
tests/golden/data/bad/empty.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
