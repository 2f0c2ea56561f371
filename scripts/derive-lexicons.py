#!/usr/bin/env python3
"""Derive the engine's word lists from the PolNeAR training gold.

usage: scripts/derive-lexicons.py [TRAIN_DIR] [--out DIR]
       (default ../shared/polnear/train, src/engine/data; cross-validation writes each
       fold's lists, learnt from the other folds, to a folder of its own)

Writes compact data files under src/engine/data/, loaded by include_str!:
- cues.txt:   "word percent subject_percent" - how often (in percent) an occurrence
              of the word is part of a gold cue, overall and when a likely subject
              (a capitalised word, a pronoun or a role noun) stands right before it;
              the engine trusts a word as a cue above thresholds that depend on context.
- roles.txt:  lowercase nouns that head speaker mentions ("spokesman", "officials").
- phrases.txt: a word and a particle the gold takes as one cue ("went on", "shot back").
- titles.txt: capitalised words that precede names in speaker mentions and are
              ordinary words elsewhere ("Secretary", "Sen.", "Minister").
Only counts are learnt; no file name or article text is copied.
"""
import collections, glob, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = sys.argv[1:]
OUT = os.path.join(HERE, "..", "src", "engine", "data")
if "--out" in ARGS:
    i = ARGS.index("--out")
    OUT = ARGS[i + 1]
    del ARGS[i:i + 2]
TRAIN = ARGS[0] if ARGS else os.path.join(HERE, "..", "..", "shared", "polnear", "train")
WORD = re.compile(r"[A-Za-z][A-Za-z.'\u2019-]*[A-Za-z.]|[A-Za-z]")
STOP = set("""a an the to of in on at for by with from as and or but not no that this these those it its
is are was were be been being has have had do does did will would can could may might should must shall
also just still even only then than so too very more most much many some any all both each other such
he she they we i you him her them us me his their our my your who whom whose which what when where why how
there here out up down over about into after before while during again once new one two three first last
said""".split())
STOP.discard("said")


def words(s):
    return [w.rstrip(".") if not re.fullmatch(r"(?:[A-Za-z]\.)+", w) else w for w in WORD.findall(s)]


PRONOUNS = {"he", "she", "they", "it", "we", "i"}
subj_occ = collections.Counter()   # occurrences right after a likely subject
subj_cue = collections.Counter()   # ... that are inside a gold cue
occ = collections.Counter()        # every lowercased word of the texts
lower_occ = collections.Counter()  # occurrences written in lower case
cue = collections.Counter()        # words inside a gold cue
role = collections.Counter()
title = collections.Counter()
pair_occ = collections.Counter()   # "went on", "shot back": a word and a particle
pair_cue = collections.Counter()   # ... both inside one gold cue
# Adverb particles (not prepositions, which open a phrase of their own: "said in a statement").
PARTICLES = {"on", "off", "out", "up", "down", "back", "away", "forth"}
for path in sorted(glob.glob(os.path.join(TRAIN, "*.gold.json"))):
    gold = json.load(open(path, encoding="utf-8"))
    text = gold["text"]
    for w in words(text):
        occ[w.lower()] += 1
        if w.islower():
            lower_occ[w] += 1
    cue_chars = set()
    for a in gold["attributions"]:
        for s, e in a["cue"] or []:
            cue_chars.update(range(s, e))
    toks = [(m.start(), m.group()) for m in WORD.finditer(text)]
    for (p0, w0), (p1, w1) in zip(toks, toks[1:]):
        if w1 in PARTICLES and w0.islower() and not text[p0 + len(w0):p1].strip():
            pair_occ[(w0, w1)] += 1
            if p0 in cue_chars and p1 in cue_chars:
                pair_cue[(w0, w1)] += 1
    for (p0, prev), (p1, w) in zip(toks, toks[1:]):
        gap = text[p0 + len(prev):p1]
        if gap.strip() or not w.islower():
            continue
        if prev[:1].isupper() or prev.lower() in PRONOUNS:
            subj_occ[w.rstrip(".")] += 1
            if p1 in cue_chars:
                subj_cue[w.rstrip(".")] += 1
    for a in gold["attributions"]:
        for s, e in a["cue"] or []:
            for w in words(text[s:e]):
                cue[w.lower()] += 1
        for s, e in a["source"] or []:
            ws = words(text[s:e])
            for i, w in enumerate(ws):
                if w.islower() and w not in STOP:
                    role[w] += 1
                if w[:1].isupper() and i + 1 < len(ws) and ws[i + 1][:1].isupper():
                    title[w] += 1

os.makedirs(OUT, exist_ok=True)


def verb_list(path):
    with open(path, encoding="utf-8") as f:
        return {l.strip() for l in f if l.strip() and not l.startswith("#") and " " not in l.strip()}


# Speech and thought verbs of WordNet (scripts/speech-verbs.py): a learnt word that is one
# of them is kept; any other word (a noun of "in a statement", an adverb inside a gold
# cue span, "hit", "soon", "took") only when the counts alone make it a cue.
SPEECH_OR_THOUGHT = verb_list(os.path.join(HERE, "..", "src", "engine", "data", "speech-verbs.txt")) | verb_list(
    os.path.join(HERE, "thought-verbs.txt"))
# The lower bound of the share of a word's occurrences inside gold cues (Wilson, 95%; 0.1
# chosen by train-CV among 0, 0.1 and 0.25: speaker 90.6, 90.5, 90.3; content F1 71.5, 71.1, 69.6)
# that a word outside those verbs needs: evidence that it is a cue, not a neighbour.
OTHER_WORD_BOUND = float(os.environ.get("OTHER_WORD_BOUND", "0.1"))
# The same for a word and its particle taken as one cue: stronger evidence, as a noun
# before "on" ("attacks on", "views on") is often inside a gold cue span too.
PHRASE_BOUND = 0.35


def wilson_lower(k, n, z=1.96):
    if n == 0:
        return 0.0
    p = k / n
    d = 1 + z * z / n
    return (p + z * z / (2 * n) - z * ((p * (1 - p) + z * z / (4 * n)) / n) ** 0.5) / d


with open(os.path.join(OUT, "cues.txt"), "w") as f:
    for w, n in sorted(cue.items()):
        pct = round(100 * n / max(occ[w], 1))
        known = w in SPEECH_OR_THOUGHT or wilson_lower(min(n, occ[w]), max(occ[w], 1)) >= OTHER_WORD_BOUND
        if n >= 3 and pct >= 5 and w not in STOP and len(w) > 1 and known:
            # Only with enough evidence; otherwise the engine uses the overall figure.
            spct = round(100 * subj_cue[w] / subj_occ[w]) if subj_occ[w] >= 4 else pct
            f.write(f"{w} {min(pct, 100)} {min(spct, 100)}\n")
with open(os.path.join(OUT, "phrases.txt"), "w") as f:
    # A verb and its particle that the gold takes as one cue ("went on", "shot back"):
    # a cue as a whole even when the verb alone is none ("went", "shot").
    for (w0, w1), n in sorted(pair_cue.items()):
        if n >= 3 and wilson_lower(n, pair_occ[(w0, w1)]) >= PHRASE_BOUND:
            f.write(f"{w0} {w1}\n")
with open(os.path.join(OUT, "roles.txt"), "w") as f:
    for w, n in sorted(role.items()):
        # A word that is often a cue is no speaker ("said" inside sloppy spans).
        if n >= 3 and len(w) > 2 and cue[w] < 0.05 * occ[w]:
            f.write(w + "\n")
with open(os.path.join(OUT, "titles.txt"), "w") as f:
    for w, n in sorted(title.items()):
        low = lower_occ[w.lower().rstrip(".")] + lower_occ[w.lower()]
        # An ordinary word elsewhere (lower case in a fair share of its uses), not a
        # name that sometimes stands before another one ("Trump campaign").
        initial = len(w.rstrip(".")) == 1
        if n >= 2 and low >= 3 and low >= 0.2 * occ[w.lower()] and not initial:
            f.write(w + "\n")
