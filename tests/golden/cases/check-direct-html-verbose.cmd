-v
check
--targets
tests/import/data/selfeval-gb2312.html
--actuals
tests/import/data/selfeval-gb2312.html
