batch
tests/golden/data/bad/batch-blank-first-line.tsv
