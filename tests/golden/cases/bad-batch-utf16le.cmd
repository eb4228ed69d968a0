batch
tests/golden/data/bad/batch-utf16le.tsv
