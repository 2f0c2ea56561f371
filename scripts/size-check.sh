#!/usr/bin/env bash
# Prints the gzipped size of what the built page loads before the first analysis
# (the .wasm and .js that dist/index.html names) and fails over the budget.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUDGET_KB="${BUDGET_KB:-350}"
total=0
for f in $(grep -oE '(href|src)="/?[^"]+\.(wasm|js)"' dist/index.html | sed -E 's/^(href|src)="\/?//; s/"$//' | sort -u); do
  bytes=$(gzip -9 -c "dist/$f" | wc -c)
  printf '  %-48s %8d bytes raw %8d bytes gzipped\n' "$f" "$(wc -c < "dist/$f")" "$bytes"
  total=$((total + bytes))
done
printf 'page load (wasm + js, gzipped): %d KB of a %d KB budget\n' "$((total / 1024))" "$BUDGET_KB"
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "over the size budget" >&2
  exit 1
fi
