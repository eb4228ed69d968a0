batch
--progress
always
--format
bench
tests/golden/data/batch-small.tsv
