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

# The genre training set (tests/gold/genres-train; GENRES_TRAIN_DIRS, space-separated,
# names other folders of it) written in the polnear layout to folder $1
# (scripts/standoff-gold.py fills in the texts kept out of the repository), and the
# array named $3 set to the folder's name $2 times: the trainers read a folder named k
# times k times, which is how the small set is weighed against PolNeAR's 840 articles.
# An empty array for 0. Not in a subshell, so that a failure stops the script.
genres_train_copies() {
  local -n into="$3"
  into=()
  (( $2 > 0 )) || return 0
  # shellcheck disable=SC2086  # GENRES_TRAIN_DIRS is a list of folders
  python3 scripts/standoff-gold.py "$1" ${GENRES_TRAIN_DIRS:-tests/gold/genres-train}
  local k
  for ((k = 0; k < $2; k++)); do into+=("$1"); done
}

# How many times the trainers' scripts name the genre training set (GENRES_TRAIN_REPEAT
# overrides it; 0: PolNeAR alone). 1, chosen by cross-validation (docs/accuracy.md,
# "Genre training set"): named once, the set (47 articles) beside PolNeAR train's 840 found
# more quotations on the own web set and lost no right speaker or cue anywhere; named three
# times it found more again but lost a cue on the own news set and two speakers on train-CV.
genres_train_repeat() {
  echo "${GENRES_TRAIN_REPEAT:-1}"
}
