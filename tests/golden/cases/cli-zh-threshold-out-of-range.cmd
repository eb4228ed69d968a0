--lang
zh
test
--threshold
150
rules
