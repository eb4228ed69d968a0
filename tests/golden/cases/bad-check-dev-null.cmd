check
--targets
/dev/null
--actuals
tests/golden/data/bad/actuals-ok.tsv
