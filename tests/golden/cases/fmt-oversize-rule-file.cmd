fmt
--check
@TMP@/big.rules
/dev/zero
