--lang
zh
parse
[80%，健全]
