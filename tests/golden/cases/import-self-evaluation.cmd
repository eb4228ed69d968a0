import
tests/golden/data/import/self-evaluation.csv
-o
-
--actuals-out
-
