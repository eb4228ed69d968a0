batch
--rows
tests/golden/data/bad/batch-bom-crlf.tsv
