import
tests/import/data/selfeval-gb2312.html
-o
-
