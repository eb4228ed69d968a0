import
tests/golden/data/bad/batch-csv-open-quote.csv
-o
-
