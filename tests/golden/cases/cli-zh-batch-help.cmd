--lang
zh
batch
--help
