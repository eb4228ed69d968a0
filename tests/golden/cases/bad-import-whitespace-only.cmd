import
tests/golden/data/bad/whitespace-only.tsv
-o
-
