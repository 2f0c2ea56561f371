#!/usr/bin/env bash
# Every output of furniture_spans, find_claims and readable_text_from_html on PolNeAR
# dev+train and ../shared/articles/dev, so that a speed-up can be shown to change nothing:
#   bash scripts/text-outputs.sh save    # before the change: writes $CARGO_TARGET_DIR (or target)/text-outputs.txt
#   bash scripts/text-outputs.sh check   # after: diffs against it, fails on any difference
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --profile release-native --example text_speed
target="${CARGO_TARGET_DIR:-target}"
out="$target/release-native/examples/text_speed"
case "${1:-check}" in
  save) "$out" --dump > "$target"/text-outputs.txt && echo "saved $target/text-outputs.txt" ;;
  check) "$out" --dump | diff -q "$target"/text-outputs.txt - && echo "outputs unchanged" ;;
  *) echo "usage: $0 save|check" >&2; exit 2 ;;
esac
