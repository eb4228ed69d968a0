fmt
@TMP@/link.rules
