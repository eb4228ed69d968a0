--lang
zh
test
@TMP@/suite
