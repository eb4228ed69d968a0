batch
--rows
tests/golden/data/bad/batch-no-trailing-newline.tsv
