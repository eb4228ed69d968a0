import
tests/golden/data/import/layouts/pasted-weights.txt
-o
-
