batch
--rows
tests/golden/data/bad/batch-ragged.tsv
