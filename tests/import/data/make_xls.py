#!/usr/bin/python3
# Writes selfeval.xls, the Excel 97 (BIFF8) sample, with xlwt (Debian:
# python3-xlwt), a real writer of the format. Run once; the file is committed:
#   /usr/bin/python3 tests/import/data/make_xls.py tests/import/data/selfeval.xls
# Merged cells as a county's WPS export has them: the categories over their
# rows, the funds labels over two columns. Numbers are number cells.
import sys
import xlwt

book = xlwt.Workbook(encoding="utf-8")
sheet = book.add_sheet("自评表")
rows = [
    ["2024年度项目支出绩效自评表"],
    ["项目名称", None, "农村供水保障工程"],
    ["单位名称", None, "某县水利局"],
    ["项目资金（万元）", None, "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["年度资金总额", None, 300, 300, 285, 10, "95%", 9.5],
    ["其中：当年财政拨款", None, 260, 260, 247, "-", "-", "-"],
    ["其他资金", None, 40, 40, 38, "-", "-", "-"],
    ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"],
    ["产出指标", "数量指标", "新建供水管网长度", "≥120公里", "126公里", 20, 20],
    [None, None, "改造水厂数量", "=4座", "4座", 15, 15],
    [None, "质量指标", "水质检测合格率", "≥95%", "97%", 15, 15],
    ["效益指标", "社会效益", "受益人口", "≥3.5万人", "3.2万人", 20, 18.29, "部分村庄管网接入推迟"],
    [None, None, "供水保证率", "≥95%", "96%", 10, 10],
    ["满意度指标", "服务对象满意度", "受益群众满意度", "≥90%", "92%", 10, 10],
    ["总分", None, None, None, None, 100, 97.79],
]
merged = {(0, 0): (0, 7), (1, 0): (1, 1), (1, 2): (1, 7), (2, 0): (2, 1), (2, 2): (2, 7),
          (3, 0): (3, 1), (4, 0): (4, 1), (5, 0): (5, 1), (6, 0): (6, 1),
          (8, 0): (10, 0), (8, 1): (9, 1), (11, 0): (12, 0), (11, 1): (12, 1), (14, 0): (14, 4)}
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        if (r, c) in merged:
            last_r, last_c = merged[(r, c)]
            sheet.write_merge(r, last_r, c, last_c, value)
        elif value is not None:
            sheet.write(r, c, value)
book.save(sys.argv[1])
