--lang
zh
import
tests/golden/data/import/suzhou-2024-seed.txt
-o
-
