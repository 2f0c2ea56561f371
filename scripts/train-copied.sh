#!/usr/bin/env bash
# Train the copied-text edge model (src/engine/furniture/segments.rs) on
# ../shared/articles/dev + more: dump the segments of every copied page
# (examples/copied_segments.rs), print the site-grouped cross-validation and write the
# weights to src/engine/furniture/segment_weights.rs.
#   bash scripts/train-copied.sh
# Needs numpy: a venv at $VENV (default .venv-blocks/, git-ignored), made when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/trainer-env.sh
OUT=target/copied-cv
SHARED=../shared/articles
cargo build --quiet --profile "$PROFILE" --example copied_segments
mkdir -p "$OUT"
# The segments' features do not depend on the weights (they are computed before the
# model's look), so one dump serves.
"$BIN/copied_segments" "$SHARED/dev" "$SHARED/more" > "$OUT/segments.tsv"
"$VENV/bin/python" scripts/train-copied.py "$OUT/segments.tsv" --write src/engine/furniture/segment_weights.rs
cargo fmt --all
