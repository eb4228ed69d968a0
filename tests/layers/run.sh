#!/usr/bin/env bash
# The layering check must be able to fail: on tests/layers/upward/ (a tree with
# an upward, a sideways and a grammar-to-engine include) it lists exactly the
# lines of upward.expected and exits 1.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
actual=$(bash "$here/../../tools/check_layers.sh" "$here/upward/layers.txt" "$here/upward"; echo "exit $?")
diff -u "$here/upward.expected" <(printf '%s\n' "$actual")
