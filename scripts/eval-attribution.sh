#!/usr/bin/env bash
# Attribution accuracy the honest way, side by side:
#   train-CV  k-fold cross-validation over PolNeAR train, folds by article: each fold is
#             annotated with the word lists (scripts/derive-lexicons.py) learnt from the
#             other folds alone (feature dev-lexicon, QUOTELENS_LEXICON_DIR), and scored by
#             the speaker model trained on the other folds (examples/train_speakers.rs);
#   dev       PolNeAR dev with the shipped lists (reported, never tuned on);
#   genres    ../shared/quotes/genres-dev (other genres, direct and mixed quotes only);
#   genres-train-CV  (--only train-genres) leave-out cross-validation over the genre
#             training set (tests/gold/genres-train), folds by article: the models learn
#             from PolNeAR train and the other folds' articles (weighed as below), the
#             shipped word lists annotate the held-out articles;
#   gold/X    every folder of hand-annotated gold under tests/gold/ (NAME.txt +
#             NAME.gold.json), when there is one, but tests/gold/genres-train: a training
#             set, which the models may learn from, is never scored as an evaluation set.
# The models learn from the genre training set as well, named GENRES_TRAIN_REPEAT times
# (default: as the trainers' scripts ship them, scripts/model-folder.sh), in every fold.
# GENRES_TRAIN_REPEAT set in the environment also has dev, genres and gold annotated with
# models learnt now from PolNeAR train plus the set named that many times (what the
# trainers' scripts would ship with it), rather than with the shipped ones.
# usage: scripts/eval-attribution.sh [--folds K] [--only cv|dev|genres|gold|train-genres]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/model-folder.sh
learn_now="${GENRES_TRAIN_REPEAT:+yes}"
repeat="$(genres_train_repeat)"
folds=5
only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --folds) folds="$2"; shift 2 ;;
    --only) only="$2"; shift 2 ;;
    *) echo "usage: $0 [--folds K] [--only cv|dev|genres|gold|train-genres]" >&2; exit 2 ;;
  esac
done
shared=../shared
# EVAL_KEEP=DIR keeps the annotations (DIR/cv, DIR/out-*) for scripts/polnear-errors.py.
if [[ -n "${EVAL_KEEP:-}" ]]; then
  work="$EVAL_KEEP"
  rm -rf "$work" && mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
cargo build --quiet --profile eval --features dev-lexicon --bin quotelens --example train_speakers --example train_reported --example train_quote_spans
bin="${CARGO_TARGET_DIR:-target}/eval/quotelens"
trainer="${CARGO_TARGET_DIR:-target}/eval/examples/train_speakers"
# A set's name may hold a slash (gold/NAME): its score file name does not.
score() { python3 "$shared/eval/score.py" "$1" "$2" --json > "$work/score.${3//\//_}.json"; echo "$3" >> "$work/sets"; }
: > "$work/sets"
# The genre training set, in the polnear layout, named $repeat times.
genres_train_copies "$work/genres-train" "$repeat" genres_train

# train-CV: article i (in name order) is in fold i mod K.
if [[ -z "$only" || "$only" == cv ]] && [[ -d "$shared/polnear/train" ]]; then
  mapfile -t names < <(ls "$shared/polnear/train" | sed -n 's/\.gold\.json$//p' | sort)
  mkdir -p "$work/cv"
  for ((k = 0; k < folds; k++)); do
    fit="$work/fit$k" lex="$work/lex$k"
    mkdir -p "$fit"
    held=()
    for i in "${!names[@]}"; do
      n="${names[$i]}"
      if ((i % folds == k)); then
        held+=("$shared/polnear/train/$n.txt")
      else
        ln -s "$(realpath "$shared/polnear/train/$n.gold.json")" "$fit/$n.gold.json"
      fi
    done
    python3 scripts/derive-lexicons.py "$fit" --out "$lex"
    # The speaker model learnt on the other folds too.
    scripts/fold-speaker-weights.sh "$trainer" "$fit" "$lex" "${genres_train[@]}"
    QUOTELENS_LEXICON_DIR="$lex" "$bin" annotate --out "$work/cv" "${held[@]}"
  done
  score "$shared/polnear/train" "$work/cv" "train-CV$folds"
fi
genres_train_cv() { # WORK FOLDS REPEAT: annotate each fold of the genre set into WORK/genres-train-cv
  local work="$1" folds="$2" repeat="$3" k i n
  local gold="$work/genres-train-gold" cv="$work/genres-train-cv"
  local all
  genres_train_copies "$gold" 1 all
  mkdir -p "$cv"
  mapfile -t names < <(ls "$gold" | sed -n 's/\.gold\.json$//p' | sort)
  for ((k = 0; k < folds; k++)); do
    local rest="$work/genres-rest$k" lex="$work/genres-lex$k" held=() extra=()
    mkdir -p "$rest" "$lex"
    for i in "${!names[@]}"; do
      n="${names[$i]}"
      if ((i % folds == k)); then
        held+=("$gold/$n.txt")
      else
        ln -s "$(realpath "$gold/$n.gold.json")" "$rest/$n.gold.json"
      fi
    done
    for ((i = 0; i < repeat; i++)); do extra+=("$rest"); done
    link_shipped_word_lists "$lex"
    scripts/fold-speaker-weights.sh "$trainer" "$shared/polnear/train" "$lex" "${extra[@]}"
    QUOTELENS_LEXICON_DIR="$lex" "$bin" annotate --out "$cv" "${held[@]}"
  done
}
# genres-train-CV: genre training article i (in name order) is in fold i mod K; PolNeAR
# train whole in every fold.
if [[ "$only" == train-genres ]]; then
  genres_train_cv "$work" "$folds" "$repeat"
  score "$work/genres-train-gold" "$work/genres-train-cv" "genres-train-CV$folds"
fi
# Models learnt now (GENRES_TRAIN_REPEAT set): PolNeAR train plus the genre set, the
# shipped word lists, as the trainers' scripts would ship them.
models=""
if [[ -n "$learn_now" && "$only" != cv && "$only" != train-genres ]]; then
  models="$work/models"
  mkdir -p "$models"
  link_shipped_word_lists "$models"
  scripts/fold-speaker-weights.sh "$trainer" "$shared/polnear/train" "$models" "${genres_train[@]}"
fi
run_set() { # NAME DIR: annotate DIR's texts with the shipped lists and score them
  local out="$work/out-${1//\//_}"
  mkdir -p "$out"
  if [[ -n "$models" ]]; then
    QUOTELENS_LEXICON_DIR="$models" "$bin" annotate --out "$out" "$2"/*.txt
  else
    "$bin" annotate --out "$out" "$2"/*.txt
  fi
  score "$2" "$out" "$1"
}
if [[ -z "$only" || "$only" == dev ]] && [[ -d "$shared/polnear/dev" ]]; then
  run_set dev "$shared/polnear/dev"
fi
if [[ -z "$only" || "$only" == genres ]] && [[ -d "$shared/quotes/genres-dev" ]]; then
  run_set genres-dev "$shared/quotes/genres-dev"
fi
if [[ -z "$only" || "$only" == gold ]] && [[ -d tests/gold ]]; then
  while IFS= read -r dir; do
    run_set "gold/$(basename "$dir")" "$dir"
  done < <(find tests/gold -name '*.gold.json' -not -path 'tests/gold/genres-train/*' -printf '%h\n' | sort -u)
fi

python3 - "$work" <<'PY'
import json, sys, os
work = sys.argv[1]
sets = open(os.path.join(work, "sets")).read().split()
res = {s: json.load(open(os.path.join(work, f"score.{s.replace('/', '_')}.json"))) for s in sets}
rows = [
    ("files", lambda r: f"{r['files']}"),
    ("direct P @0.3", lambda r: f"{100*r['direct@0.3']['p']:.1f}"),
    ("direct R @0.3", lambda r: f"{100*r['direct@0.3']['r']:.1f}"),
    ("direct F1 @0.3", lambda r: f"{100*r['direct@0.3']['f']:.1f}"),
    ("direct F1 @0.8", lambda r: f"{100*r['direct@0.8']['f']:.1f}"),
    ("speaker", lambda r: f"{100*r['speaker_match']:.1f}"),
    ("cue overlap", lambda r: f"{100*r['cue_overlap']:.1f}"),
    ("cue exact", lambda r: f"{100*r['cue_exact']:.1f}"),
    ("all P @0.3", lambda r: f"{100*r['all@0.3']['p']:.1f}"),
    ("all R @0.3", lambda r: f"{100*r['all@0.3']['r']:.1f}"),
    ("all F1 @0.3", lambda r: f"{100*r['all@0.3']['f']:.1f}"),
]
w = max(12, *(len(s) + 2 for s in sets))
print(f"{'':16}" + "".join(f"{s:>{w}}" for s in sets))
for name, f in rows:
    print(f"{name:16}" + "".join(f"{f(res[s]):>{w}}" for s in sets))
PY
