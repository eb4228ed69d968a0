--lang
zh
import
@TMP@/table.xls
-o
-
