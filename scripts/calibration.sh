#!/usr/bin/env bash
# Confidence calibration: learn the confidence table on PolNeAR train by 5-fold
# cross-validation (each fold annotated with the word lists learnt from the other folds,
# and the speaker model learnt on them, as scripts/eval-attribution.sh does; folds by
# article) and on half of the fact-checked
# transcripts, write it into src/engine/confidence_table.rs, rebuild, and print the
# calibration table (confidence bucket, count, precision) on PolNeAR dev (and the other
# half of the transcripts). How annotations are judged: tests/calibration/judge.rs.
# usage: scripts/calibration.sh          # learn, write, check
#        scripts/calibration.sh --check  # only print the table for the shipped engine
set -euo pipefail
cd "$(dirname "$0")/.."
folds=5
shared=../shared
if [[ "${1:-}" != --check ]]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  cargo build --quiet --profile eval --features dev-lexicon --example calibrate --example train_speakers --example train_reported --example train_quote_spans
  bin="${CARGO_TARGET_DIR:-target}/eval/examples/calibrate"
  trainer="${CARGO_TARGET_DIR:-target}/eval/examples/train_speakers"
  mapfile -t names < <(ls "$shared/polnear/train" | sed -n 's/\.gold\.json$//p' | sort)
  for ((k = 0; k < folds; k++)); do
    mkdir -p "$work/fit$k" "$work/held$k"
    for i in "${!names[@]}"; do
      n="${names[$i]}"
      if ((i % folds == k)); then
        ln -s "$(realpath "$shared/polnear/train/$n.gold.json")" "$work/held$k/$n.gold.json"
        ln -s "$(realpath "$shared/polnear/train/$n.txt")" "$work/held$k/$n.txt"
      else
        ln -s "$(realpath "$shared/polnear/train/$n.gold.json")" "$work/fit$k/$n.gold.json"
      fi
    done
    python3 scripts/derive-lexicons.py "$work/fit$k" --out "$work/lex$k"
    scripts/fold-speaker-weights.sh "$trainer" "$work/fit$k" "$work/lex$k"
    claims=()
    ((k == 0)) && claims=("$shared/claims/train")
    QUOTELENS_LEXICON_DIR="$work/lex$k" "$bin" --judge "$work/held$k" --out "$work/judged$k.tsv" "${claims[@]}"
  done
  "$bin" --learn-judged "$work"/judged*.tsv --write src/engine/confidence_table.rs
fi
cargo run --quiet --profile release-native --example calibrate -- --check "$shared/polnear/dev" "$shared/claims/train"
