# Sourced by the trainers' scripts (train-speakers.sh, train-reported.sh,
# train-quote-spans.sh, fold-speaker-weights.sh): how a QUOTELENS_LEXICON_DIR folder for a dev-lexicon build is
# filled, written once.

# The shipped word lists, linked into folder $1 (where a fold's learnt lists would be).
link_shipped_word_lists() {
  local f
  for f in cues.txt phrases.txt roles.txt titles.txt; do
    ln -s "$(realpath src/engine/data/$f)" "$1/$f"
  done
}

# The learnt models' starting weights in folder $1, each the rules' own choice as a
# model: the speaker model takes the rules' pick, the reported-speech model what the
# rules alone take. Training starts from them, as the models' candidates depend on the
# weights in use.
rules_speaker_weights() {
  printf 'rule-pick 5\nmention -1\n' > "$1/speaker_weights.txt"
}
rules_reported_weights() {
  printf 'bias -0.5\nrules-take-it 1\n' > "$1/reported_weights.txt"
}
# The quotation-span model keeping every quotation (a large bias), as the rules alone do.
rules_quote_span_weights() {
  printf 'bias 10\n' > "$1/quote_span_weights.txt"
}
