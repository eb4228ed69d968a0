import
tests/golden/data/import/layouts/direction.csv
-o
@TMP@/targets.tsv
