check
--targets
tests/golden/data/bad/comments-only.tsv
--actuals
tests/golden/data/bad/actuals-ok.tsv
