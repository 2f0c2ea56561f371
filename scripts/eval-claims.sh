#!/usr/bin/env bash
# Check-worthy claim ranking, cross-validated (leave one whole transcript out) on
# ../shared/claims/train, scored both by the trainer and by ../shared/eval/claims_score.py
# on the held-out predictions. `--write` also retrains on every transcript and rewrites
# the shipped weights, src/engine/claims_model.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=../shared/claims/train
PRED=target/claims-cv
args=(--cv --pred-dir "$PRED")
if [[ "${1:-}" == --write ]]; then args+=(--write-model src/engine/claims_model.rs); fi
cargo run --quiet --release --example train_claims -- "$DATA" "${args[@]}"
python3 ../shared/eval/claims_score.py "$DATA" "$PRED"
