#!/usr/bin/env bash
# The HTML report laid out by a real browser (Debian's chromium, headless) at the
# width of an A4 landscape page's print area: 297 mm less the 12 mm margins of
# the page's @page rule = 273 mm = 1032 CSS pixels. A probe script added to the
# rendered page measures the indicator table and writes what it found into the
# page; --dump-dom prints the page after its scripts ran, and this script
# checks the figures:
#   - every 一级指标 label stands on one line (it was squeezed to one character a
#     line, 决/策), and so does every 二级指标 label of up to 8 characters;
#   - no column is narrower than its least width (一级指标 4 CJK characters,
#     二级指标 5, 三级指标 7, any other 2), and every head stands on one line;
#   - the table fits the page's width (nothing runs off the printed page).
# A screenshot at that width is left beside the page for a person to look at.
# Exit 77 (ctest: skipped) when chromium or a CJK font is missing; tools/setup.sh
# installs both.
set -euo pipefail
indicheck=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${2:-$(mktemp -d)}
mkdir -p "$out"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: chromium is not installed (apt-get install chromium; tools/setup.sh does)"
  exit 77
fi
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  echo "SKIP: no font with Chinese characters (apt-get install fonts-noto-cjk; tools/setup.sh does)"
  exit 77
fi

cd "$root"
# The seed at year-end with its rules: long explanations in 计分 and 判定, the
# longest 二级指标 and 三级指标 names of the fixtures.
"$indicheck" check --rules rules/suzhou-zrzy-2024.rules \
  --actuals fixtures/suzhou-zrzy-2024/actuals-year.tsv fixtures/suzhou-zrzy-2024/figures-year.tsv \
  --format html --output "$out/report.html" || [ $? -eq 1 ]

# The page as printed (body margin 0, the filters hidden), then the probe.
probe='<style>body{margin:0}#filters{display:none}</style><script>
window.addEventListener("load",function(){
var out=[],t=document.getElementById("indicators");
function lines(el){var r=document.createRange();r.selectNodeContents(el);var tops={};
Array.prototype.forEach.call(r.getClientRects(),function(x){if(x.width>0)tops[Math.round(x.top)]=1;});
return Object.keys(tops).length;}
out.push("page "+document.documentElement.scrollWidth+" table "+Math.round(t.getBoundingClientRect().width));
Array.prototype.forEach.call(t.tHead.rows[0].cells,function(th){
out.push("column "+th.textContent+" "+Math.round(th.getBoundingClientRect().width)+" "+lines(th));});
Array.prototype.forEach.call(t.tBodies[0].rows,function(tr){
[1,2].forEach(function(i){var td=tr.cells[i];
out.push("cell "+i+" "+td.textContent.length+" "+lines(td)+" "+td.textContent);});});
var pre=document.createElement("pre");pre.id="layout";pre.textContent=out.join("\n");document.body.appendChild(pre);});
</script>'
PROBE=$probe awk '{ sub(/<\/body>/, ENVIRON["PROBE"] "</body>") } 1' "$out/report.html" >"$out/probe.html"

flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1032,900
  --virtual-time-budget=5000 --user-data-dir="$out/profile")
"$browser" "${flags[@]}" --dump-dom "file://$out/probe.html" 2>/dev/null >"$out/dom.html"
"$browser" "${flags[@]}" --screenshot="$out/a4-width.png" "file://$out/report.html" \
  >/dev/null 2>&1 || true

layout=$(sed -n '/<pre id="layout">/,/<\/pre>/p' "$out/dom.html" | sed 's#<[^>]*>##g')
if [ -z "$layout" ]; then
  echo "FAIL: the probe wrote nothing (chromium did not run the page's scripts)"
  exit 1
fi
echo "$layout" >"$out/layout.txt"

status=0
fail() {
  echo "FAIL: $*"
  status=1
}
read -r _ page _ table < <(grep '^page ' <<<"$layout")
[ "$page" -le 1032 ] || fail "the page is $page px wide, more than the 1032 px of an A4 print area"
[ "$table" -le 1032 ] || fail "the table is $table px wide, more than 1032 px"
# The narrowest each column may be, in pixels at the table's 13.6 px font:
# 一级指标 4 characters, 二级指标 5, 三级指标 7, any other 2.
declare -A least=([一级指标]=55 [二级指标]=68 [三级指标]=95)
while read -r _ name width nlines; do
  [ "$width" -ge "${least[$name]:-27}" ] || fail "column $name is $width px wide, less than ${least[$name]:-27}"
  [ "$nlines" -eq 1 ] || fail "the head $name breaks over $nlines lines"
done < <(grep '^column ' <<<"$layout")
cells=0
while read -r _ column length nlines text; do
  cells=$((cells + 1))
  if [ "$column" -eq 1 ] || [ "$length" -le 8 ]; then
    [ "$nlines" -eq 1 ] || fail "'$text' (column $((column + 1))) breaks over $nlines lines"
  fi
done < <(grep '^cell ' <<<"$layout")
[ "$cells" -ge 100 ] || fail "only $cells category cells measured"
[ "$status" -eq 0 ] && echo "ok: $cells category cells on one line each, table $table px of 1032 (screenshot $out/a4-width.png)"
exit "$status"
