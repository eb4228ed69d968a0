--lang
zh
test
--update
@TMP@/suite
