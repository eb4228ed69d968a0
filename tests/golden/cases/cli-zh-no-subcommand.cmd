--lang
zh
-q
