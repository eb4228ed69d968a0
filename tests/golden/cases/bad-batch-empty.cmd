batch
tests/golden/data/bad/empty.tsv
