--lang
zh
check
--help
