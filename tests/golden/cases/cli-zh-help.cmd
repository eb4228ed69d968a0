--lang
zh
--help
