batch
--format
csv
--rows
tests/golden/data/batch-formulas.tsv
