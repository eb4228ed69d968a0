import
tests/golden/data/import/suzhou-2024-tables.gb18030.csv
--encoding
utf-8
-o
-
