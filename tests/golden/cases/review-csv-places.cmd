review
tests/import/data/selfeval.xls
--format
csv
