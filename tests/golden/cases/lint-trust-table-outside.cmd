lint
@TMP@/r/evil.rules
