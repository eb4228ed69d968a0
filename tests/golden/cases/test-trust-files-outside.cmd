test
@TMP@/r/evil.test
