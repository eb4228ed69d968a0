test
@TMP@/standard.test
