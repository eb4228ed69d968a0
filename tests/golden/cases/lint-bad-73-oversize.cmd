lint
@TMP@/oversize.rules
