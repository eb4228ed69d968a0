import
@TMP@/table.xls
-o
-
