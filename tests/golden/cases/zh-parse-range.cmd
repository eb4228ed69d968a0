--lang
zh
parse
[80%,100%)
