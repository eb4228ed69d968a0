check
--targets
tests/golden/data/bad/targets-61-digits.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
