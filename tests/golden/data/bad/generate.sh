#!/usr/bin/env bash
# Writes one of the bad-input catalogue's files that are too big to commit.
# Called by the golden cases' CASE.setup steps (tests/golden/cases/bad-*.setup):
#   bash tests/golden/data/bad/generate.sh NAME DIR   → DIR/NAME
set -euo pipefail
name=$1
dir=$2
x_bytes() { head -c "$1" /dev/zero | tr '\0' x; }
targets_header() { printf '一级指标\t二级指标\t重点工作\t三级指标\t半年指标值\t全年指标值\n'; }
case $name in
  # One line of 100 MiB and nothing else: no header can be found.
  100mb-line.tsv) x_bytes $((100 * 1024 * 1024)) ;;
  # A good table with one 2 MiB row in the middle (over TableLimits::max_line_bytes, 1 MiB).
  targets-2mb-row.tsv)
    targets_header
    printf '产出指标\t数量指标\t\t完成项目数\t≥3个\t≥6个\n'
    printf '产出指标\t质量指标\t\t验收合格率\t≥95%%\t'; x_bytes $((2 * 1024 * 1024)); printf '\n'
    printf '效益指标\t社会效益\t\t受益人数\t≥100人\t≥200人\n' ;;
  # A batch file with one 2 MiB row in the middle.
  batch-2mb-row.tsv)
    printf 'dept_id\tlevel1\ttarget_expr\tactual\n'
    printf 'D01\t产出指标\t≥95%%\t96%%\n'
    printf 'D02\t产出指标\t≥95%%\t'; x_bytes $((2 * 1024 * 1024)); printf '\n'
    printf 'D03\t产出指标\t≥95%%\t94%%\n' ;;
  # 2000 rows naming the same indicator, then one other indicator.
  targets-2000-duplicates.tsv)
    targets_header
    for _ in $(seq 2000); do printf '产出指标\t数量指标\t\t完成项目数\t≥3个\t≥6个\n'; done
    printf '产出指标\t质量指标\t\t验收合格率\t≥95%%\t≥95%%\n' ;;
  # 2000 different indicators whose paths all end in 完成项目数: a key of
  # just 完成项目数 matches every one of them.
  targets-2000-same-name.tsv)
    targets_header
    for i in $(seq 2000); do printf '产出指标\t数量指标%d\t\t完成项目数\t≥3个\t≥6个\n' "$i"; done ;;
  # 100 000 indicators, each its own 二级指标, and an actual for each by a
  # two-part key: matching and tallying must stay linear (they were rows ×
  # indicators, minutes for this file).
  targets-100000.tsv)
    targets_header
    awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "产出指标\t数量指标%d\t\t完成项目数%d\t≥3个\t≥6个\n", i, i }' ;;
  actuals-100000.tsv)
    printf '# 期间: 全年\n指标\t实际值\n'
    awk 'BEGIN { for (i = 1; i <= 100000; i++) printf "数量指标%d/完成项目数%d\t7个\n", i, i }' ;;
  # 200 000 valid indicators of four kinds (a percentage, a quantity, a level,
  # a deadline) under 200 二级指标, and an actual for each, some short with a
  # 偏差原因: the memory cases (memory-*) check the report within a bound.
  # The same at 20 000 (check-xlsx-20000-indicators).
  targets-200000.tsv | targets-20000.tsv)
    printf '# 单位: 测试单位\n# 年度: 2024\n'
    targets_header
    awk -v n="${name//[^0-9]/}" 'BEGIN { split("≥95%|=120亩|健全|2024年12月底前", t, "|")
      for (i = 1; i <= n; i++)
        printf "%s\t二级%d\t\t指标%d\t\t%s\n", (i % 3 ? "产出指标" : "效益指标"), i % 200, i, t[i % 4 + 1] }' ;;
  actuals-200000.tsv | actuals-20000.tsv)
    printf '# 期间: 全年\n指标\t实际值\t偏差原因\n'
    awk -v n="${name//[^0-9]/}" 'BEGIN { split("96%|8公顷|基本健全|2024年11月30日", a, "|")
      for (i = 1; i <= n; i++)
        printf "二级%d/指标%d\t%s\t%s\n", i % 200, i, a[i % 4 + 1], (i % 4 == 2 ? "部分制度尚在修订" : "") }' ;;
  # 3000 batch rows of the same unit and indicator: all are judged and tallied.
  batch-3000-duplicates.tsv)
    printf 'dept_id\tlevel1\tindicator\ttarget_expr\tactual\n'
    for _ in $(seq 3000); do printf 'D01\t产出指标\t验收合格率\t≥95%%\t96%%\n'; done ;;
  # Larger than TableLimits::max_file_bytes (256 MiB); sparse, so it takes no disk space.
  300mb-sparse.tsv) truncate -s 300M "$dir/$name"; exit 0 ;;
  *) echo "generate.sh: unknown file $name" >&2; exit 2 ;;
esac >"$dir/$name"
