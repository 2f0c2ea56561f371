#!/usr/bin/env bash
# Train the quotation-span model (src/engine/quote_span_model/) on PolNeAR train gold and
# write the shipped weights (src/engine/quote_span_model/weights.rs) and the check of
# their scores (tests/quote_span_model_check.json).
#   bash scripts/train-quote-spans.sh [GOLD_DIR...]     # default ../shared/polnear/train
# One round: the quotations it asks (kept by the rules without a speaker) do not depend
# on its weights. Run it after scripts/train-speakers.sh: the speaker model's picks leave
# those quotations. Rust only (no Python).
set -euo pipefail
cd "$(dirname "$0")/.."
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=(../shared/polnear/train)
# Built without dev-lexicon: the shipped word lists and the shipped speaker and
# reported-speech models, as the engine runs.
cargo build --quiet --profile eval --example train_quote_spans
bin="${CARGO_TARGET_DIR:-target}/eval/examples/train_quote_spans"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" "${dirs[@]}" --cv 5 --out "$work/next.txt" --rust "$work/weights.rs"
cp "$work/weights.rs" src/engine/quote_span_model/weights.rs
cargo fmt --all
# The check: the engine built with the new weights against the trainer's own scores.
cargo build --quiet --profile eval --example train_quote_spans
"$bin" --weights "$work/next.txt" --check tests/quote_span_model_check.json
wc -c src/engine/quote_span_model/weights.rs
