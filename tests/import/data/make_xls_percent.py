#!/usr/bin/python3
# Writes percent-formula.xls with xlwt (Debian: python3-xlwt), run once; the
# file is committed:
#   /usr/bin/python3 tests/import/data/make_xls_percent.py tests/import/data/percent-formula.xls
# Two cells FreeXL cannot read as a person sees them: a number 0.96 shown by
# its 0% format as 96%, and a target typed as the formula =12000. The golden
# import-xls-percent-formula pins what import says of them.
import sys
import xlwt

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("自评表")
percent = xlwt.easyxf(num_format_str="0%")
for col, head in enumerate(["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分"]):
    sheet.write(0, col, head)
for col, value in enumerate(["产出指标", "质量指标", "验收合格率", "≥95%"]):
    sheet.write(1, col, value)
sheet.write(1, 4, 0.96, percent)
sheet.write(1, 5, 10)
sheet.write(1, 6, 10)
for col, value in enumerate(["产出指标", "数量指标", "新增造林面积"]):
    sheet.write(2, col, value)
sheet.write(2, 3, xlwt.Formula("12000"))
sheet.write(2, 4, "12500亩")
sheet.write(2, 5, 10)
sheet.write(2, 6, 10)
book.save(sys.argv[1])
