#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets from the repository's fixtures.

    python3 tests/fuzz/make_corpus.py OUTDIR

makes OUTDIR/<target>/ for each target (target_expr, actual, targets_table,
actuals_table, batch, rules, import), one file per seed named by its content's hash, so
running it again adds nothing twice. Seeds come from:
  * fixtures/**/targets*.tsv, actuals*.tsv and tests/golden/data/**: whole files
    for the table and batch targets; every target and actual cell for the
    expression targets;
  * tests/golden/cases/{parse,eval}-*.cmd: the expressions given on the command line;
  * rules/**/*.rules and tests/golden/data/**/*.rules (rules), tests/golden/data/import/* (import);
  * tests/fuzz/seeds/<target>/: hand-written seeds for shapes the fixtures lack.
"""
import hashlib
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parents[2]
out = pathlib.Path(sys.argv[1])
targets = ["target_expr", "actual", "targets_table", "actuals_table", "batch", "rules", "import",
           "rule_tree", "xlsx_sparse", "output_paths"]
seeds = {t: set() for t in targets}


def rows(data):
    text = data.decode("utf-8", "replace").lstrip("\ufeff")
    lines = [l.rstrip("\r") for l in text.split("\n") if l.strip() and not l.startswith("#")]
    if not lines:
        return [], []
    header = lines[0].split("\t")
    return header, [l.split("\t") for l in lines[1:]]


def cells(data, names):
    header, body = rows(data)
    idx = [i for i, h in enumerate(header) if h.strip() in names]
    return {r[i] for r in body for i in idx if i < len(r)}


TARGET_COLS = {"半年指标值", "全年指标值", "target_expr", "指标值"}
ACTUAL_COLS = {"实际值", "actual"}

files = sorted(root.glob("fixtures/**/*.tsv")) + sorted(root.glob("tests/golden/data/**/*.tsv"))
files += sorted(root.glob("tests/golden/data/**/*.csv"))
for f in files:
    if f.stat().st_size > 256 * 1024:
        continue
    data = f.read_bytes()
    header, _ = rows(data)
    names = {h.strip() for h in header}
    if "三级指标" in names and ("全年指标值" in names or "半年指标值" in names):
        seeds["targets_table"].add(data)
    if "指标" in names and "实际值" in names:
        seeds["actuals_table"].add(data)
    if names & {"dept_id", "单位", "target_expr", "指标值"}:
        seeds["batch"].add(data)
    seeds["target_expr"] |= {c.encode() for c in cells(data, TARGET_COLS)}
    seeds["actual"] |= {c.encode() for c in cells(data, ACTUAL_COLS)}

for cmd in sorted(root.glob("tests/golden/cases/*.cmd")):
    # Bytes: the bad-input catalogue's arguments are not all UTF-8.
    args = cmd.read_bytes().split(b"\n")
    if args[0] == b"parse":
        seeds["target_expr"] |= {a for a in args[1:] if a and not a.startswith(b"--")}
    if args[0] == b"eval":
        plain = [a for a in args[1:] if a and not a.startswith(b"--") and a not in (b"json", b"text")]
        if len(plain) >= 2:
            seeds["target_expr"].add(plain[0])
            seeds["actual"].add(plain[1])

# Rule files: the shipped rules and the lint catalogue; import: its test data.
for f in sorted(root.glob("rules/**/*.rules")) + sorted(root.glob("tests/golden/data/**/*.rules")):
    if f.stat().st_size <= 64 * 1024:
        seeds["rules"].add(f.read_bytes())
for f in sorted(root.glob("tests/golden/data/import/*")) + sorted(root.glob("tests/import/data/*.html")):
    if f.is_file() and f.stat().st_size <= 64 * 1024:
        seeds["import"].add(f.read_bytes())


# The zip readers: a small workbook and a small Word table with merged cells.
def zipped(parts):
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, text in parts:
            z.writestr(name, text)
    return buf.getvalue()


main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
seeds["import"].add(zipped([
    ("xl/workbook.xml", '<workbook xmlns="%s" xmlns:r="r"><sheets><sheet name="S" r:id="rId1"/>'
                        '</sheets></workbook>' % main),
    ("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                                   'Target="worksheets/sheet1.xml"/></Relationships>'),
    ("xl/sharedStrings.xml", '<sst xmlns="%s"><si><t>三级指标</t></si><si><t>指标值</t></si>'
                             '<si><r><t>受益</t></r><r><t>人口</t></r></si></sst>' % main),
    ("xl/worksheets/sheet1.xml",
     '<worksheet xmlns="%s"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c>'
     '<c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c>'
     '<c r="B2" t="inlineStr"><is><t>≥3万人</t></is></c><c r="C2"><v>12.300000000000001</v></c>'
     '</row></sheetData><mergeCells><mergeCell ref="A2:A3"/></mergeCells></worksheet>' % main),
]))
w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
cell = '<w:tc><w:tcPr>%s</w:tcPr><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>'
seeds["import"].add(zipped([
    ("word/document.xml",
     '<w:document xmlns:w="%s"><w:body><w:p><w:r><w:t>绩效自评表</w:t></w:r></w:p><w:tbl>'
     '<w:tr>%s%s</w:tr><w:tr>%s%s</w:tr><w:tr>%s%s</w:tr></w:tbl></w:body></w:document>'
     % (w, cell % ('<w:gridSpan w:val="2"/>', "三级指标"), cell % ("", "指标值"),
        cell % ('<w:vMerge w:val="restart"/>', "受益人口"), cell % ("", "≥3万人"),
        cell % ("<w:vMerge/>", ""), cell % ("", "=4座"))),
]))

# The program-driven targets start from the hostile shapes of issue 15 (each
# target's header comment says how its bytes are read).
seeds["rule_tree"] |= {
    bytes([0, 0, 0, 0, 3, 0x4E, 0x20]),  # 甲 + 甲 repeated: a 20 000-term flat sum
    bytes([1, 0x27, 0x10, 0]),  # a chain of 10 000 定义
    bytes([2] + [4] * 40 + [0]),  # 40 parentheses deep, in a 定义 and an 实际值
    bytes([0] + [6] * 300 + [0]),  # 300 unary minus
}
seeds["xlsx_sparse"] |= {
    bytes([0, 0, 0, 0x0F, 0xFF, 0xFF, 0, 3]),  # one cell at D1048576
    bytes([7, 8, 0, 0x0F, 0xFF, 0xFF, 0, 3]),  # eight sheets naming that one part
    bytes([0, 7] + [1, 0, 0, 1, 0, 0] * 8),  # a 16 KB shared string in eight cells
    bytes([0, 0, 0, 0, 0, 0, 0, 0, 253, 0, 0, 0, 0, 255]),  # A1, merged to IV1036289
}
seeds["output_paths"] |= {
    bytes([0, 1, 2, 3, 1, 2, 0, 0, 0, 1, 3, 2, 4, 3, 5, 1]),
    bytes([4, 1, 2, 3, 1, 2, 0, 1, 2, 2]),  # an output that is an input
}

for t in targets:
    for f in sorted((root / "tests" / "fuzz" / "seeds" / t).glob("*")):
        seeds[t].add(f.read_bytes())

for t in targets:
    d = out / t
    d.mkdir(parents=True, exist_ok=True)
    for s in seeds[t]:
        (d / hashlib.sha1(s).hexdigest()).write_bytes(s)
    print("%-14s %4d seeds -> %s" % (t, len(seeds[t]), d))
