import
tests/golden/data/import/layouts/pasted-two-row.txt
-o
-
