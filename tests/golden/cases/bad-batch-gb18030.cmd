batch
--rows
tests/golden/data/bad/batch-gb18030.tsv
