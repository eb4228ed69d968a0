check
--targets
tests/golden/data/bad/targets-10000-digits.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
