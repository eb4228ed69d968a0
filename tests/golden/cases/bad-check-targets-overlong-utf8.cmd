check
--targets
tests/golden/data/bad/targets-overlong-utf8.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
