#!/usr/bin/env bash
# Train the article block model (src/article/block_model.rs) on ../shared/articles/dev +
# more, print its site-grouped cross-validation beside the other ways of reading a page,
# and write its weights to src/article/block_weights.rs; then the page-kind model
# (src/article/page_kind.rs: is there an article at all?) against more/other, its
# weights to src/article/page_kind_weights.rs.
#   bash scripts/train-blocks.sh            # CV figures and new weights
# Needs numpy: a venv at $VENV (default .venv-blocks/, git-ignored) with `pip install numpy`;
# it is made when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/trainer-env.sh
OUT=target/articles-cv
SHARED=../shared/articles
cargo build --quiet --profile "$PROFILE" --example article_blocks --example article_eval
rm -rf "$OUT" && mkdir -p "$OUT"
"$BIN/article_blocks" "$SHARED/dev" "$SHARED/more" "$SHARED/more/other" > "$OUT/rows.jsonl"
# The features at training time must be those of the weights in use: the model's
# output does not change them (they are computed before its second look).
"$VENV/bin/python" scripts/train-blocks.py "$OUT/rows.jsonl" "$OUT" --write src/article/block_weights.rs
cargo fmt --all
# The page-kind model reads the body the block model gives: its features are dumped
# again with the new weights.
cargo build --quiet --profile "$PROFILE" --example article_blocks
"$BIN/article_blocks" "$SHARED/dev" "$SHARED/more" "$SHARED/more/other" > "$OUT/rows.jsonl"
"$VENV/bin/python" scripts/train-page-kind.py "$OUT/rows.jsonl" --write src/article/page_kind_weights.rs
cargo fmt --all
cargo build --quiet --profile "$PROFILE" --example article_eval
"$BIN/article_eval" "$OUT" "$SHARED/dev" "$SHARED/more" "$SHARED/more/other"
python3 scripts/article-cv.py "$OUT"
