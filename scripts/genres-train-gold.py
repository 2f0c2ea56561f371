#!/usr/bin/env python3
"""Write the genre training set (tests/gold/genres-train, or the folders given) in the
polnear layout to OUT: NAME.gold.json with its `text`, and NAME.txt. The set's texts whose
licence keeps them out of the repository have no `text` but `text_source` (a path under
../shared), `text_chars` and `text_sha256`: the text is read from there and its hash
checked, so the trainers (which read `text` from the gold) see the text the gold was made
on. Exits non-zero when a text is missing or differs.

usage: scripts/genres-train-gold.py OUT [GOLD_DIR...]
"""
import hashlib
import json
import os
import sys

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")


def shared_text(gold):
    """The text a text-less gold file names, CRLF read as LF, its hash checked."""
    path = os.path.join(SHARED, gold["text_source"])
    with open(path, "rb") as f:
        text = f.read().replace(b"\r\n", b"\n").decode("utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != gold["text_sha256"] or len(text) != gold["text_chars"]:
        sys.exit(f"{path}: not the text {gold['id']}'s gold was made on")
    return text


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, dirs = sys.argv[1], sys.argv[2:] or ["tests/gold/genres-train"]
    os.makedirs(out, exist_ok=True)
    for d in dirs:
        for name in sorted(n for n in os.listdir(d) if n.endswith(".gold.json")):
            with open(os.path.join(d, name), encoding="utf-8") as f:
                gold = json.load(f)
            text = gold["text"] if "text" in gold else shared_text(gold)
            full = {"id": gold["id"], "text": text, "attributions": gold["attributions"]}
            stem = os.path.join(out, name[: -len(".gold.json")])
            with open(stem + ".gold.json", "w", encoding="utf-8") as f:
                json.dump(full, f, ensure_ascii=False)
            with open(stem + ".txt", "w", encoding="utf-8", newline="") as f:
                f.write(text)


if __name__ == "__main__":
    main()
