--lang
zh
batch
--rows
tests/golden/data/batch-rows.tsv
