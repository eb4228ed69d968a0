--lang
zh
eval
≥95%
93%
