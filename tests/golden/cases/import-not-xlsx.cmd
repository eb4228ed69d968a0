import
tests/golden/data/import/split-columns.csv
--format
xlsx
-o
-
