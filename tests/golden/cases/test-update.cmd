test
--update
@TMP@/suite
