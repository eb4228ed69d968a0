#!/usr/bin/env bash
# Prints FILE with each control character named (<ESC>, <BEL>, <U+0001>, …; a
# CRLF line end as <CR>), so a golden file shows what was written without
# holding the raw bytes.
#   bash tests/golden/data/hostile/show.sh FILE
set -euo pipefail
LC_ALL=C sed -e 's/\x1b/<ESC>/g; s/\x07/<BEL>/g; s/\x01/<U+0001>/g; s/\x0b/<U+000B>/g; s/\r$/<CR>/' "$1"
