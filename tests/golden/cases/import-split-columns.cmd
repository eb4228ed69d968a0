import
tests/golden/data/import/split-columns.csv
-o
-
