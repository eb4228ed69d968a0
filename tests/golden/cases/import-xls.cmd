import
tests/import/data/selfeval.xls
-o
-
