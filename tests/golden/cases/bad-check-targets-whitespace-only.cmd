check
--targets
tests/golden/data/bad/whitespace-only.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
