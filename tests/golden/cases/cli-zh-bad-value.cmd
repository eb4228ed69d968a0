--lang
zh
batch
--progress
sometimes
tests/golden/data/batch-rows.tsv
