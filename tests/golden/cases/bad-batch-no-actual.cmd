batch
--rows
tests/golden/data/bad/batch-no-actual.tsv
