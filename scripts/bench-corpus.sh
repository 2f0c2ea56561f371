#!/usr/bin/env bash
# The command line on a corpus of at least 100 MB (PolNeAR train, repeated), one job and
# all jobs, and textacy's direct_quotations beside it in the same run (on a slice: it
# runs some thousand times slower). Prints MB/s, the scaling ratio and the machine's load
# (a shared machine slows the all-jobs run most).
#   bash scripts/bench-corpus.sh [MIN_MB]        (default 100; needs ../shared/polnear)
# textacy needs .venv-bench/ (scripts/bench-vs-textacy.sh makes it); QUOTELENS_NO_TEXTACY=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
MIN_MB="${1:-100}"
TRAIN=../shared/polnear/train
TARGET="${CARGO_TARGET_DIR:-target}"
[ -d "$TRAIN" ] || { echo "skipping: $TRAIN absent" >&2; exit 0; }

# The build the README's command uses: opt-level 3, LTO (not the page's size profile).
cargo build --quiet --profile release-native --bin quotelens
BIN="$TARGET/release-native/quotelens"

CORPUS="$TARGET/bench-corpus"
train_bytes=$(cat "$TRAIN"/*.txt | wc -c)
copies=$(( (MIN_MB * 1000000 + train_bytes - 1) / train_bytes ))
if [ "$(cat "$CORPUS/.copies" 2>/dev/null)" != "$copies" ]; then
  rm -rf "$CORPUS"
  for i in $(seq 1 "$copies"); do
    mkdir -p "$CORPUS/copy-$i" && cp "$TRAIN"/*.txt "$CORPUS/copy-$i/"
  done
  echo "$copies" > "$CORPUS/.copies"
fi
bytes=$(( train_bytes * copies ))
files=$(find "$CORPUS" -name '*.txt' | wc -l)
cores=$(nproc)
echo "corpus: $files files, $bytes bytes (PolNeAR train x $copies); $cores cores; load before: $(cut -d' ' -f1-3 /proc/loadavg)"

run() { # JOBS -> "WALL CPU" seconds (CPU: user + system, all threads)
  local out="$TARGET/bench-corpus.jsonl" times
  cat "$CORPUS"/copy-1/*.txt > /dev/null   # page cache warm for both runs alike
  times=$( { TIMEFORMAT='%R %U %S'; time "$BIN" annotate --jobs "$1" --jsonl-out "$out" "$CORPUS" 2>/dev/null; } 2>&1 )
  rm -f "$out"
  awk '{ print $1, $2 + $3 }' <<<"$times"
}
read -r one one_cpu <<<"$(run 1)"
read -r all all_cpu <<<"$(run "$cores")"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v b="$bytes" -v one="$one" -v all="$all" -v oc="$one_cpu" -v ac="$all_cpu" -v cores="$cores" 'BEGIN {
  printf "quotelens annotate --jobs 1:  %8.2f MB/s wall (%.1f s), %.2f MB per CPU second\n", b / 1e6 / one, one, b / 1e6 / oc;
  printf "quotelens annotate --jobs %d:  %8.2f MB/s wall (%.1f s), %.2f MB per CPU second\n", cores, b / 1e6 / all, all, b / 1e6 / ac;
  printf "scaling:                      %8.2f x wall on %d cores (a busy machine lowers it: see the load)\n", one / all, cores;
}'

PY=.venv-bench/bin/python
if [ -z "${QUOTELENS_NO_TEXTACY:-}" ] && [ -x "$PY" ]; then
  SLICE="$TARGET/bench-textacy-slice"
  rm -rf "$SLICE" && mkdir -p "$SLICE"
  train_files=("$TRAIN"/*.txt)
  cp "${train_files[@]:0:100}" "$SLICE"
  read -r _ tb ts tcpu _ _ <<<"$("$PY" scripts/textacy_throughput.py "$SLICE" | grep '^textacy ')"
  awk -v tb="$tb" -v ts="$ts" -v b="$bytes" -v one="$one" 'BEGIN {
    t = tb / 1e6 / ts;
    printf "textacy direct_quotations:    %8.4f MB/s wall (100 train files, %d bytes, one process)\n", t, tb;
    printf "quotelens --jobs 1 / textacy: %8.0f x wall\n", b / 1e6 / one / t;
  }'
else
  echo "textacy: skipped (no .venv-bench/: run scripts/bench-vs-textacy.sh once to make it)"
fi
