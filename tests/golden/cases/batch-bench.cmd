batch
--format
bench
tests/golden/data/batch-small.tsv
