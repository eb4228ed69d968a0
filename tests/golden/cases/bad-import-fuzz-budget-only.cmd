import
tests/golden/data/bad/fuzz/import-crash-6f7c6c89.txt
--format
text
-o
@TMP@/targets.tsv
--budget
@TMP@/budget.rules
