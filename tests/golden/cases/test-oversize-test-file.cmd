test
@TMP@/big.test
@TMP@/more
