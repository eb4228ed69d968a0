check
--targets
tests/golden/data/bad/targets-nul.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
