check
--targets
tests/golden/data/bad/targets-unknown-column.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
