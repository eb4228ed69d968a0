import
tests/golden/data/bad/empty.tsv
-o
-
