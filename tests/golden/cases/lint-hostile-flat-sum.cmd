lint
@TMP@/flat.rules
