#!/usr/bin/env bash
# Train the reported-speech model (src/engine/reported_model/) on PolNeAR train gold and
# write the shipped weights (src/engine/reported_model/weights.rs) and the check of their
# scores (tests/reported_model_check.json).
#   bash scripts/train-reported.sh [GOLD_DIR...]     # default ../shared/polnear/train
# One round: the candidates (the rules' cue words, subjects and content shapes) do not
# depend on the weights. Built with dev-lexicon so the shipped word lists are read from
# a folder (QUOTELENS_LEXICON_DIR), as in cross-validation. Rust only (no Python).
# Run scripts/train-speakers.sh after it: the speaker model sees reported speech.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/model-folder.sh
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=(../shared/polnear/train)
cargo build --quiet --profile eval --features dev-lexicon --example train_reported
bin="${CARGO_TARGET_DIR:-target}/eval/examples/train_reported"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Not the genre training set (tests/gold/genres-train), unlike the other two models: its
# gold marks direct and mixed quotes only, so its indirect speech would teach this model
# that reported speech is wrong.
link_shipped_word_lists "$work"
# The speaker model runs after reported speech is found: its weights change no candidate.
rules_speaker_weights "$work"
rules_reported_weights "$work"
QUOTELENS_LEXICON_DIR="$work" "$bin" "${dirs[@]}" --cv 5 --out "$work/next.txt" --rust "$work/weights.rs"
cp "$work/weights.rs" src/engine/reported_model/weights.rs
cargo fmt --all
# The check: the engine built with the new weights against the trainer's own scores.
cargo build --quiet --profile eval --example train_reported
"$bin" --weights "$work/next.txt" --check tests/reported_model_check.json
wc -c src/engine/reported_model/weights.rs
