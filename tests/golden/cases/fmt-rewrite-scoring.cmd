fmt
@TMP@/scheme.rules
