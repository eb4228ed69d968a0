batch
--jobs
0
tests/golden/data/batch-rows.tsv
