import
tests/golden/data/import/nul-cell.csv
-o
-
