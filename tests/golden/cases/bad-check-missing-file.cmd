check
--targets
tests/golden/data/bad/no-such-file.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
