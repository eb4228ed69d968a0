lint
--targets
@TMP@/自评表.xlsx
@TMP@/r.rules
