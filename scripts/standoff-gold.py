#!/usr/bin/env python3
"""Write hand-annotated training sets whose texts may be kept out of the repository
(tests/gold/genres-train: quotes; tests/gold/claims-train: check-worthy sentences) in the
layout of the shared corpora to OUT, every file with its text:
- NAME.gold.json (polnear layout, the attribution trainers read `text` from it) and NAME.txt;
- NAME.claims.json (news-dev layout) and NAME.txt.
A text is the gold's `text`, else the set's own NAME.txt, else (for texts whose licence keeps
them out of the repository) the file its `text_source` names under ../shared, whose length
(`text_chars`) and SHA-256 (`text_sha256`) are checked, so the trainers see the text the gold
was made on. Exits non-zero when a text is missing or differs.

usage: scripts/standoff-gold.py OUT [GOLD_DIR...]   (default GOLD_DIR: tests/gold/genres-train)
"""
import hashlib
import json
import os
import sys

SHARED = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
SUFFIXES = (".gold.json", ".claims.json")


def shared_text(gold):
    """The text a text-less gold file names, CRLF read as LF, its hash checked."""
    path = os.path.join(SHARED, gold["text_source"])
    with open(path, "rb") as f:
        text = f.read().replace(b"\r\n", b"\n").decode("utf-8")
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    if digest != gold["text_sha256"] or len(text) != gold["text_chars"]:
        sys.exit(f"{path}: not the text {gold['id']}'s gold was made on")
    return text


def text_of(gold, own_txt):
    if "text" in gold:
        return gold["text"]
    if os.path.exists(own_txt):
        with open(own_txt, encoding="utf-8", newline="") as f:
            return f.read()
    return shared_text(gold)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    out, dirs = sys.argv[1], sys.argv[2:] or ["tests/gold/genres-train"]
    os.makedirs(out, exist_ok=True)
    for d in dirs:
        for name in sorted(os.listdir(d)):
            suffix = next((s for s in SUFFIXES if name.endswith(s)), None)
            if suffix is None:
                continue
            stem = name[: -len(suffix)]
            with open(os.path.join(d, name), encoding="utf-8") as f:
                gold = json.load(f)
            text = text_of(gold, os.path.join(d, stem + ".txt"))
            if suffix == ".gold.json":
                full = {"id": gold["id"], "text": text, "attributions": gold["attributions"]}
            else:
                full = {"id": gold["id"], "sentences": gold["sentences"]}
            with open(os.path.join(out, name), "w", encoding="utf-8") as f:
                json.dump(full, f, ensure_ascii=False)
            with open(os.path.join(out, stem + ".txt"), "w", encoding="utf-8", newline="") as f:
                f.write(text)


if __name__ == "__main__":
    main()
