#!/usr/bin/env bash
# Functions of MIN lines or more (default 80; issue 22 asks for fewer), longest first,
# counted from the `fn` line to the closing brace at its indent:
#   bash scripts/long-functions.sh             # src/, examples/, tests/
#   bash scripts/long-functions.sh 60 src/ui   # another limit, other folders
# Exits 1 when it lists any.
set -euo pipefail
cd "$(dirname "$0")/.."
min="${1:-80}"
[ $# -gt 0 ] && shift
[ $# -gt 0 ] || set -- src examples tests
found=$(find "$@" -name '*.rs' | sort | xargs awk -v min="$min" '
  FNR == 1 { depth = 0 }
  {
    # The innermost open fn ends at a "}" at its indent.
    if (depth > 0 && index($0, indent[depth] "}") == 1) {
      n = FNR - start[depth] + 1
      if (n >= min) printf "%5d %s:%d %s\n", n, FILENAME, start[depth], name[depth]
      depth--
    }
    if (match($0, /^[ \t]*((pub(\([a-z:]+\))?|async|const|unsafe) )*fn [A-Za-z_0-9]+/)) {
      sig = substr($0, RSTART, RLENGTH)
      # A declaration without body, or a body on one line.
      if ($0 ~ /;[ \t]*$/ || ($0 ~ /\{/ && $0 ~ /\}[ \t]*$/)) next
      match($0, /^[ \t]*/)
      depth++; indent[depth] = substr($0, 1, RLENGTH); start[depth] = FNR
      sub(/.*fn /, "", sig); name[depth] = sig
    }
  }' | sort -rn)
[ -z "$found" ] && exit 0
echo "$found"
exit 1
