fmt
--check
@TMP@/flat.rules
