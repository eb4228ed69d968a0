import
tests/golden/data/import/layouts/malformed.txt
-o
@TMP@/targets.tsv
