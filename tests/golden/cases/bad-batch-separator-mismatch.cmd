batch
--separator
comma
tests/golden/data/bad/batch-bom-crlf.tsv
