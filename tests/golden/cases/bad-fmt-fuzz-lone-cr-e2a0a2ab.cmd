fmt
@TMP@/fuzz.rules
