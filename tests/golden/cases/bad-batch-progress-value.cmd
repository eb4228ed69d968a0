batch
--progress
sometimes
tests/golden/data/batch-small.tsv
