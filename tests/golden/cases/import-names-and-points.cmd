import
tests/golden/data/import/layouts/names-and-points.txt
-o
-
