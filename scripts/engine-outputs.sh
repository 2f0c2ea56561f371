#!/usr/bin/env bash
# Every output of engine::analyse on PolNeAR dev+train and ../shared/articles/dev, so that
# a speed-up can be shown to change nothing:
#   bash scripts/engine-outputs.sh save    # before the change: writes $CARGO_TARGET_DIR (or target)/engine-outputs.txt
#   bash scripts/engine-outputs.sh check   # after: diffs against it, fails on any difference
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --quiet --profile release-native --example engine_outputs
target="${CARGO_TARGET_DIR:-target}"
out="$target/release-native/examples/engine_outputs"
case "${1:-check}" in
  save) "$out" > "$target"/engine-outputs.txt && echo "saved $target/engine-outputs.txt" ;;
  check) "$out" > "$target"/engine-outputs.new
         diff "$target"/engine-outputs.txt "$target"/engine-outputs.new | head -20
         cmp -s "$target"/engine-outputs.txt "$target"/engine-outputs.new && echo "outputs unchanged" ;;
  *) echo "usage: $0 save|check" >&2; exit 2 ;;
esac
