#!/usr/bin/env bash
# The speaker model learnt on one cross-validation fold's training articles, for the
# fold-by-fold scripts (eval-attribution.sh, calibration.sh): two rounds from the rules'
# picks, as scripts/train-speakers.sh does, written to LEX/speaker_weights.txt, where a
# dev-lexicon build reads it back (QUOTELENS_LEXICON_DIR=LEX).
# usage: scripts/fold-speaker-weights.sh TRAINER FIT_DIR LEX_DIR
set -euo pipefail
trainer="$1" fit="$2" lex="$3"
printf 'rule-pick 5\nmention -1\n' > "$lex/speaker_weights.txt"
for round in 1 2; do
  QUOTELENS_LEXICON_DIR="$lex" "$trainer" "$fit" --out "$lex/speaker_weights.next" 2>/dev/null
  mv "$lex/speaker_weights.next" "$lex/speaker_weights.txt"
done
