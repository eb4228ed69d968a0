check
--targets
tests/golden/data/bad/targets-deep-brackets.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
