--lang
zh
batch
--rows
tests/golden/data/bad/batch-column-twice.tsv
