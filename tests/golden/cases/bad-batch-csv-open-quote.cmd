batch
--rows
tests/golden/data/bad/batch-csv-open-quote.csv
