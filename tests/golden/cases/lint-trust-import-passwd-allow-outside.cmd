lint
--allow-outside
@TMP@/r/evil.rules
