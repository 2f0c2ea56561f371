#!/usr/bin/env bash
# Train the speaker model (src/engine/speaker_model/) on PolNeAR train gold and write the
# shipped weights (src/engine/speaker_model/weights.rs) and the check of their scores
# (tests/speaker_model_check.json).
#   [GENRES_TRAIN_REPEAT=K] bash scripts/train-speakers.sh [GOLD_DIR...]     # default ../shared/polnear/train
# Two rounds: the candidates of a quotation depend on the previous quotation's speaker,
# which the weights in use chose; round 1 starts from the rules' choices (rule pick
# only), round 2 from round 1's. Built with dev-lexicon so the weights in use are
# read from a folder (QUOTELENS_LEXICON_DIR, with the shipped word lists), never from
# the weights being replaced. Rust only (no Python).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/model-folder.sh
dirs=("$@")
[[ ${#dirs[@]} -gt 0 ]] || dirs=(../shared/polnear/train)
cargo build --quiet --profile eval --features dev-lexicon --example train_speakers --example train_reported
bin="${CARGO_TARGET_DIR:-target}/eval/examples/train_speakers"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# The genre training set (tests/gold/genres-train), named as many times as it is weighed
# (GENRES_TRAIN_REPEAT, default in scripts/model-folder.sh; 0: PolNeAR alone).
genres_train_copies "$work/genres-train" "$(genres_train_repeat)" genres_train
dirs+=("${genres_train[@]}")
link_shipped_word_lists "$work"
rules_speaker_weights "$work"
# The shipped reported-speech model (scripts/train-reported.sh), which the folder must name.
"${CARGO_TARGET_DIR:-target}/eval/examples/train_reported" --shipped "$work/reported_weights.txt"
for round in 1 2; do
  QUOTELENS_LEXICON_DIR="$work" "$bin" "${dirs[@]}" --out "$work/next.txt" --rust "$work/weights.rs"
  mv "$work/next.txt" "$work/speaker_weights.txt"
done
cp "$work/weights.rs" src/engine/speaker_model/weights.rs
cargo fmt --all
# The check: the engine built with the new weights against the trainer's own scores.
cargo build --quiet --profile eval --example train_speakers
"${CARGO_TARGET_DIR:-target}/eval/examples/train_speakers" --weights "$work/speaker_weights.txt" \
  --check tests/speaker_model_check.json
wc -c src/engine/speaker_model/weights.rs
