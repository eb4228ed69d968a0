batch
--rows
tests/golden/data/bad/batch-19-digit-figures.tsv
