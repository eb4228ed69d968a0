lint
--allow-outside
@TMP@/r/zero.rules
@TMP@/r/link-zero.rules
/dev/zero
