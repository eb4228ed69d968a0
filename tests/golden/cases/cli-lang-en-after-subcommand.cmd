parse
--lang
en
--help
