--lang
zh
batch
tests/golden/data/no-such-file.tsv
tests/golden/data
