test
@TMP@/r.test
--update
