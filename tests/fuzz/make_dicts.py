#!/usr/bin/env python3
"""Writes the libFuzzer dictionaries (*.dict) from the grammar's own tokens.

Run from anywhere: python3 tests/fuzz/make_dicts.py. Tokens are taken from
grammar/*.hpp (every TAO_PEGTL_STRING and utf8::one code point) and
engine/base/unit.cpp (every unit spelling), plus the table headers of
docs/files.md and docs/batch.md. libFuzzer accepts only printable ASCII
inside a dictionary entry, so other bytes are written as \\xNN; a comment
above each entry shows the token as read.
"""
import pathlib
import re

root = pathlib.Path(__file__).resolve().parents[2]


def grammar_tokens():
    out = []
    for path in sorted((root / "grammar").glob("*.hpp")):
        text = path.read_text(encoding="utf-8")
        out += re.findall(r'TAO_PEGTL_STRING\("([^"]+)"\)', text)
        for args in re.findall(r"utf8::(?:one|range)<([^>]+)>", text):
            for a in args.split(","):
                a = a.strip()
                if a.startswith("0x"):
                    out.append(chr(int(a, 16)))
                elif a.startswith("'") and len(a) == 3:
                    out.append(a[1])
    # ASCII comparators and brackets of pg::one / pg::string.
    out += [">=", "<=", ">", "<", "=", "[", "]", "(", ")", ",", ";", "-", "~", "+", ".", "%",
            "(含)", "（含）", "0", "9", "1,000", "12.5", "95"]
    return out


def unit_tokens():
    text = (root / "engine" / "unit.cpp").read_text(encoding="utf-8")
    return [s for s in re.findall(r'"([^"\\]{1,8})"', text)
            if not s.startswith(("count:", "unit:", "a ", "an ")) and s not in
            ("ratio", "area", "money", "length", "mass", "volume", "days", "months", "workdays",
             "money")]


def value_tokens():
    # Forms the actual grammar reads beyond the lexicon: dates, placeholders.
    return ["2024年", "12月", "30日", "底前", "2024-06-30", "2024/6/30", "N/A", "#N/A", "——",
            "--", "/", "\xa0", "\u3000", "\u200b", "\t", " "]


TARGET_HEADERS = ["一级指标", "二级指标", "重点工作", "三级指标", "半年指标值", "全年指标值",
                  "# 单位: ", "# 年度: 2024", "# 期间: 全年", "# 期间：半年", "#"]
ACTUAL_HEADERS = ["指标", "实际值", "偏差原因", "备注", "# 期间: 半年", "# 期间: 全年",
                  "计划制定/中长期规划制定健全性", "预算执行率", "#"]
BATCH_HEADERS = ["dept_id", "level1", "level2", "indicator", "period", "target_expr", "actual",
                 "单位", "一级指标", "二级指标", "三级指标", "期间", "指标值", "实际值",
                 "\"", "\"\"", ","]
LINE = ["\t", "\n", "\r\n", "\xef\xbb\xbf"]


def escape(token):
    out = ""
    for b in token.encode("utf-8") if isinstance(token, str) else token:
        c = chr(b)
        if c in '"\\' or not (0x20 <= b < 0x7F):
            out += "\\x%02X" % b
        else:
            out += c
    return out


def write(name, groups):
    seen = set()
    lines = ["# libFuzzer dictionary for %s; written by tests/fuzz/make_dicts.py" % name,
             "# from the grammar's tokens. Do not edit by hand: run the script.", ""]
    for title, tokens in groups:
        lines.append("# ---- " + title)
        for t in tokens:
            if t in seen or not t:
                continue
            seen.add(t)
            shown = t.encode("unicode_escape").decode() if not t.isprintable() else t
            lines.append("# " + shown)
            lines.append('"%s"' % escape(t))
    (root / "tests" / "fuzz" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


expr = [("grammar tokens (grammar/*.hpp)", grammar_tokens()),
        ("units (engine/base/unit.cpp)", unit_tokens()),
        ("actual values and white space", value_tokens())]
line_bytes = [("line and cell separators, BOM", ["\t", "\n", "\r\n", "\ufeff"])]
write("expr.dict", expr)
write("targets_table.dict", line_bytes + [("targets headers", TARGET_HEADERS)] + expr)
write("actuals_table.dict", line_bytes + [("actuals headers", ACTUAL_HEADERS)] + expr)
write("batch.dict", line_bytes + [("batch headers", BATCH_HEADERS)] + expr)
IMPORT_WORDS = ["单位名称", "年度", "绩效目标表", "全年预算数", "半年计划执行", "预算数", "小计",
                "指标名称", "年度指标值", "指标值", "指标性质", "度量单位", "计量单位", "实际完成值",
                "分值", "得分", "偏差原因分析及改进措施", "定性", "定量", "(万元)", "<p>", "\"", ","]
write("import.dict", line_bytes + [("import headers and words (docs/import.md)", IMPORT_WORDS),
                                   ("targets headers", TARGET_HEADERS)] + expr)
RULE_PUNCT = ["{", "}", "(", ")", "「", "」", "#", "==", "!=", "≠", "*", "**", "/", "+", "-",
              "全年", "半年", "万元"]
write("rules.dict", line_bytes + [("rule-file punctuation", RULE_PUNCT)] + expr)
