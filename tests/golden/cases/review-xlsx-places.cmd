review
@TMP@/自评表.xlsx
--format
json
