lint
@TMP@/r/main.rules
