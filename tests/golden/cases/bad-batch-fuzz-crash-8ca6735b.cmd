batch
tests/golden/data/bad/fuzz/batch-crash-8ca6735b.tsv
