#!/usr/bin/env bash
# The learnt models of one cross-validation fold, from its training articles alone, for
# the fold-by-fold scripts (eval-attribution.sh, calibration.sh), written to LEX where a
# dev-lexicon build reads them back (QUOTELENS_LEXICON_DIR=LEX):
# - LEX/reported_weights.txt: the reported-speech model (examples/train_reported.rs,
#   beside TRAINER), one round: its candidates do not depend on its weights
#   (REPORTED_THRESHOLD=P overrides the trainer's threshold, to compare them);
# - LEX/speaker_weights.txt: the speaker model, two rounds from the rules' picks, as
#   scripts/train-speakers.sh does;
# - LEX/quote_span_weights.txt: the quotation-span model (examples/train_quote_spans.rs),
#   one round after the speaker model, whose picks leave the quotations it asks
#   (QUOTE_SPAN_THRESHOLD=P overrides the trainer's threshold; QUOTE_SPAN_OFF=1 keeps
#   every quotation, the rules alone).
# EXTRA_DIR...: more gold folders the speaker and quotation-span models learn from beside
# FIT_DIR (the genre training set, named as many times as it is weighed: see
# genres_train_copies). Not the reported-speech model: that set's gold marks direct and
# mixed quotes only, so its indirect speech would teach the model that reported speech is
# wrong.
# usage: scripts/fold-speaker-weights.sh TRAINER FIT_DIR LEX_DIR [EXTRA_DIR...]
set -euo pipefail
source "$(dirname "$0")/model-folder.sh"
trainer="$1" fit="$2" lex="$3"
shift 3
extra=("$@")
reported="$(dirname "$trainer")/train_reported"
rules_speaker_weights "$lex"
rules_reported_weights "$lex"
QUOTELENS_LEXICON_DIR="$lex" "$reported" "$fit" ${REPORTED_THRESHOLD:+--threshold "$REPORTED_THRESHOLD"} --out "$lex/reported_weights.next" 2>/dev/null
mv "$lex/reported_weights.next" "$lex/reported_weights.txt"
for round in 1 2; do
  QUOTELENS_LEXICON_DIR="$lex" "$trainer" "$fit" "${extra[@]}" --out "$lex/speaker_weights.next" 2>/dev/null
  mv "$lex/speaker_weights.next" "$lex/speaker_weights.txt"
done
rules_quote_span_weights "$lex"
# QUOTE_SPAN_OFF=1: the rules alone (every quotation kept), to compare.
[[ -n "${QUOTE_SPAN_OFF:-}" ]] && exit 0
QUOTELENS_LEXICON_DIR="$lex" "$(dirname "$trainer")/train_quote_spans" "$fit" "${extra[@]}" ${QUOTE_SPAN_THRESHOLD:+--threshold "$QUOTE_SPAN_THRESHOLD"} --out "$lex/quote_span_weights.next" 2>/dev/null
mv "$lex/quote_span_weights.next" "$lex/quote_span_weights.txt"
