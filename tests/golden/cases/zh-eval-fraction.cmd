--lang
zh
eval
≥95%
0.96
