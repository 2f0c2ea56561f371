#!/usr/bin/env bash
# Confidence calibration: learn the confidence table on PolNeAR train (and half of the
# fact-checked transcripts), write it into src/engine/confidence_table.rs, rebuild, and
# print the calibration table (confidence bucket, count, precision) on PolNeAR dev (and
# the other half of the transcripts). How annotations are judged: tests/calibration/judge.rs.
# usage: scripts/calibration.sh          # learn, write, check
#        scripts/calibration.sh --check  # only print the table for the shipped engine
set -euo pipefail
cd "$(dirname "$0")/.."
run() { cargo run --quiet --profile release-native --example calibrate -- "$@"; }
if [[ "${1:-}" != --check ]]; then
  run --learn ../shared/polnear/train ../shared/claims/train --write src/engine/confidence_table.rs
fi
run --check ../shared/polnear/dev ../shared/claims/train
