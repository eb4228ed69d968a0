--lang
zh
eval
≥95%
96%
97%
