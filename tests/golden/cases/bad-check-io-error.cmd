check
--targets
/proc/self/mem
--actuals
tests/golden/data/bad/actuals-ok.tsv
