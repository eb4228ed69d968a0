--lang
zh
parse
[100%,80%]
