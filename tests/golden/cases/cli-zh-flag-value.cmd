--lang
zh
batch
--rows=maybe
tests/golden/data/batch-rows.tsv
