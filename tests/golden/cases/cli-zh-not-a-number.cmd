--lang
zh
test
--threshold
many
rules
