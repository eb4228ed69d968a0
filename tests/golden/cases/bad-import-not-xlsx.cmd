import
tests/golden/data/bad/empty.tsv
--format
xlsx
-o
-
