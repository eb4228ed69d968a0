parse
--help
