batch
--rows
tests/golden/data/bad/batch-10000-digits.tsv
