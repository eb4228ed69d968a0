--lang
zh
import
tests/import/data/selfeval.xls
-o
@TMP@/selfeval.tsv
