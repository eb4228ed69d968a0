import
tests/golden/data/bad
-o
-
