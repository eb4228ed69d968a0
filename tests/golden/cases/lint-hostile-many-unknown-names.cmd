lint
@TMP@/names.rules
