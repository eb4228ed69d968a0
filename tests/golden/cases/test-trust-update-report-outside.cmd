test
--update
@TMP@/r/evil.test
