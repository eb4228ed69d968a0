check
--targets
tests/golden/data/bad/notes.txt
--actuals
tests/golden/data/bad/actuals-ok.tsv
