#!/usr/bin/env bash
# Build the command line, annotate the PolNeAR dev articles and print the scores.
# usage: scripts/eval-polnear.sh [SPLIT]   (SPLIT: dev (default) or train)
set -euo pipefail
cd "$(dirname "$0")/.."
split="${1:-dev}"
data="../shared/polnear/$split"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
cargo build --quiet --profile release-native
"${CARGO_TARGET_DIR:-target}"/release-native/quotelens annotate --out "$out" "$data"/*.txt
python3 ../shared/eval/score.py "$data" "$out"
