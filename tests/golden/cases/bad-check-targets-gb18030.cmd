check
--targets
tests/golden/data/bad/targets-gb18030.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
