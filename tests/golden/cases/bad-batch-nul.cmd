batch
--rows
tests/golden/data/bad/batch-nul.tsv
