import
tests/golden/data/import/suzhou-2024-tables.gb18030.csv
-o
-
