import
tests/golden/data/import/layouts/pasted.txt
-o
@TMP@/targets.tsv
