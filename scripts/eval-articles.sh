#!/usr/bin/env bash
# Article-body extraction on ../shared/articles/dev, scored by ../shared/eval/article_score.py:
# from the HTML (`quotelens extract NAME.html`) and from the copied page text
# (`quotelens extract NAME.page.txt`, page furniture removed), and the copied text with the
# page's HTML as the app pastes it (examples/page_eval.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
DEV=../shared/articles/dev
OUT=target/articles-eval
rm -rf "$OUT" && mkdir -p "$OUT/html" "$OUT/page"
# PROFILE=dev for quick iterations (any cargo profile; default: optimised, native).
PROFILE=${PROFILE:-release-native}
cargo build --quiet --profile "$PROFILE"
BIN=target/$([[ "$PROFILE" == dev ]] && echo debug || echo "$PROFILE")/quotelens
"$BIN" extract --out "$OUT/html" "$DEV"/*.html
"$BIN" extract --out "$OUT/page" "$DEV"/*.page.txt
for f in "$OUT/page"/*.page.txt; do mv "$f" "${f%.page.txt}.txt"; done
echo -n "from HTML:           "; python3 ../shared/eval/article_score.py "$DEV" "$OUT/html"
echo -n "from copied text:    "; python3 ../shared/eval/article_score.py "$DEV" "$OUT/page"
# The app's paste of a copied page with its HTML flavour: the text kept, the HTML marks the article.
cargo build --quiet --profile "$PROFILE" --example page_eval
"$(dirname "$BIN")/examples/page_eval" "$DEV" "$OUT/paste"
echo -n "copied text + HTML:  "; python3 ../shared/eval/article_score.py "$DEV" "$OUT/paste"
