import
@TMP@/big.txt
-o
-
