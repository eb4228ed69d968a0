fmt
@TMP@/messy.rules
