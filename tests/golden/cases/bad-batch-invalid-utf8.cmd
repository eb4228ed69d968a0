batch
--rows
tests/golden/data/bad/batch-invalid-utf8.tsv
