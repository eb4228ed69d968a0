batch
--rows
tests/golden/data/bad/batch-whitespace-only.tsv
