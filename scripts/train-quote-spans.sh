#!/usr/bin/env bash
# Train the quotation-span model (src/engine/quote_span_model/) on PolNeAR train gold and
# write the shipped weights (src/engine/quote_span_model/weights.rs) and the check of
# their scores (tests/quote_span_model_check.json).
#   [GENRES_TRAIN_REPEAT=K] bash scripts/train-quote-spans.sh [GOLD_DIR...]     # default ../shared/polnear/train
# One round: the quotations it asks (kept by the rules without a speaker) do not depend
# on its weights. Run it after scripts/train-speakers.sh: the speaker model's picks leave
# those quotations. Rust only (no Python).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/model-folder.sh
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=(../shared/polnear/train)
# Built without dev-lexicon: the shipped word lists and the shipped speaker and
# reported-speech models, as the engine runs.
cargo build --quiet --profile eval --example train_quote_spans
bin="${CARGO_TARGET_DIR:-target}/eval/examples/train_quote_spans"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The genre training set (tests/gold/genres-train), named as many times as it is weighed
# (GENRES_TRAIN_REPEAT, default in scripts/model-folder.sh; 0: PolNeAR alone).
genres_train_copies "$work/genres-train" "$(genres_train_repeat)" genres_train
dirs+=("${genres_train[@]}")
"$bin" "${dirs[@]}" --cv 5 --out "$work/next.txt" --rust "$work/weights.rs"
cp "$work/weights.rs" src/engine/quote_span_model/weights.rs
cargo fmt --all
# The check: the engine built with the new weights against the trainer's own scores.
cargo build --quiet --profile eval --example train_quote_spans
"$bin" --weights "$work/next.txt" --check tests/quote_span_model_check.json
wc -c src/engine/quote_span_model/weights.rs
