--lang
zh
import
tests/golden/data/bad/targets-invalid-utf8.tsv
-o
-
