batch
tests/golden/data/bad/batch-utf16-bom.tsv
