-v
check
--targets
@TMP@/selfeval-gbk.txt
--actuals
@TMP@/selfeval-gbk.txt
