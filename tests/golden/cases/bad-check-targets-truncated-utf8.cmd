check
--targets
tests/golden/data/bad/targets-truncated-utf8.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
