#!/usr/bin/env bash
# Prints the gzipped size of what the built page loads before the first analysis
# (the .wasm and .js that dist/index.html names) and fails over the budget. The analysis
# worker (quotelens-worker*, started by the app once the page is up) is printed apart.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
BUDGET_KB="${BUDGET_KB:-350}"
gz() { gzip -9 -c "$1" | wc -c; }
total=0
for f in $(grep -oE '(href|src)="/?[^"]+\.(wasm|js)"' dist/index.html | sed -E 's/^(href|src)="\/?//; s/"$//' | sort -u); do
  bytes=$(gz "dist/$f")
  printf '  %-48s %8d bytes raw %8d bytes gzipped\n' "$f" "$(wc -c < "dist/$f")" "$bytes"
  total=$((total + bytes))
done
worker=0
for f in dist/quotelens-worker*.js dist/quotelens-worker*.wasm; do
  [ -e "$f" ] || continue
  bytes=$(gz "$f")
  printf '  %-48s %8d bytes raw %8d bytes gzipped\n' "${f#dist/}" "$(wc -c < "$f")" "$bytes"
  worker=$((worker + bytes))
done
printf 'page load (wasm + js, gzipped): %d KB of a %d KB budget\n' "$((total / 1024))" "$BUDGET_KB"
printf 'analysis worker, loaded after the page (wasm + js, gzipped): %d KB\n' "$((worker / 1024))"
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "over the size budget" >&2
  exit 1
fi
