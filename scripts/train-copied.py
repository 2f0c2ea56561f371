#!/usr/bin/env python3
"""Train the copied-text edge model (src/engine/furniture/segments.rs) and measure it by
site-grouped cross-validation over ../shared/articles/dev + more.

usage: train-copied.py SEGMENTS.tsv [--write src/engine/furniture/segment_weights.rs]

SEGMENTS.tsv comes from `examples/copied_segments.rs`: the segments of the body's run of
every copied page (stretches of prose lines apart at non-prose lines), their features
and text. A segment's label: most of its word 4-grams are in the page's gold body. The
model is an L2-regularised logistic regression over the segments other than the run's
main one, each page weighing the same; the threshold (an edge segment below it is
dropped, from the outside in) is chosen on the training folds by the article metric
from THRESHOLDS. Prints the CV figure (each fold predicted by the model trained without
it) beside no model; with --write, writes the weights trained on all pages.
Needs numpy (scripts/train-copied.sh makes a venv).
"""
import importlib.util, math, os, statistics, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("article_cv", os.path.join(HERE, "article-cv.py"))
article_cv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(article_cv)
A = article_cv.article_score

L2 = 1.0
THRESHOLDS = [-math.inf, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0]
FOLDS = 5
MIN_GAP = 2  # segments.rs MIN_GAP
TOP = 6  # the feature "at the top of the run": 0 for the main segment and those below it


def load(path):
    """Pages by name: their segments (features, text, text of the gap before)."""
    pages = {}
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        n = len(header) - 4
        for line in f:
            cols = line.rstrip("\n").split("\t")
            feats = np.array([float(x) for x in cols[2:2 + n]])
            text, gap = (c.replace("\\n", "\n") for c in cols[2 + n:4 + n])
            pages.setdefault(cols[0], []).append((feats, text, gap))
    return header[2:2 + n], pages


def label(text, gold):
    sh = A.shingles(text)
    return float(sum(1 for k in sh if gold[k] > 0) >= 0.5 * max(1, len(sh)))


def main_index(segs):
    return next(i for i, s in enumerate(segs) if s[0][TOP] == 0.0)


def fit(rows):
    X = np.vstack([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    w = np.array([r[2] for r in rows])
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], L2 / w.sum())
    reg[-1] = 0.0  # the bias
    for _ in range(50):  # Newton steps
        p = 1 / (1 + np.exp(-(X @ beta)))
        g = X.T @ (w * (p - y)) / w.sum() + reg * beta
        H = (X * (w * p * (1 - p))[:, None]).T @ X / w.sum() + np.diag(reg + 1e-9)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def parted(x):
    """Whether a segment is parted from the rest enough to be dropped (segments.rs
    `parted`): MIN_GAP non-prose lines or a line shaped like furniture between."""
    return x[3] >= math.log1p(MIN_GAP) - 1e-9 or x[5] > 0


def kept_text(segs, beta, threshold):
    """The page's body as segments.rs gives it: edge segments below the threshold
    dropped from the outside in, the gaps between kept segments kept."""
    if not segs:
        return None
    main = main_index(segs)
    unlikely = lambda s: s[0] @ beta < threshold and parted(s[0])
    top = 0
    while top < main and unlikely(segs[top]):
        top += 1
    bottom = len(segs)
    while bottom - 1 > main and unlikely(segs[bottom - 1]):
        bottom -= 1
    parts = []
    for k in range(top, bottom):
        if k > top and segs[k][2]:
            parts.append(segs[k][2])
        parts.append(segs[k][1])
    return "\n".join(parts)


def main():
    args = sys.argv[1:]
    names, segpages = load(args[0])
    pages = [(s, n, g, site) for s, n, g, site in article_cv.pages() if s != "other"]
    gold = {n: A.shingles(open(os.path.join(g, n + ".body.txt"), encoding="utf-8").read()) for _, n, g, _ in pages}
    base = {}  # the page's body without the model: all segments
    fold = {n: article_cv.fold_of(site, FOLDS) for _, n, _, site in pages}
    rows = {}
    for _, n, _, _ in pages:
        segs = segpages.get(n, [])
        if not segs:
            continue
        main = main_index(segs)
        words = [max(1, len(s[1].split())) for s in segs]
        total = sum(words)
        rows[n] = [(s[0], label(s[1], gold[n]), words[k] / total) for k, s in enumerate(segs) if k != main]

    def score(n, text):
        t, p = gold[n], A.shingles(text)
        tp = sum(min(t[k], p[k]) for k in t.keys() & p.keys())
        fp, fn = sum(p.values()) - tp, sum(t.values()) - tp
        s = tp + fp + fn
        return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)

    def f1(ns, beta, th):
        out = []
        for n in ns:
            text = kept_text(segpages.get(n, []), beta, th) if beta is not None else None
            if text is None:
                text = kept_text(segpages.get(n, []), np.zeros(len(names)), -math.inf) or ""
            out.append(score(n, text))
        return A.prf(out)[2]

    by_fold = [[n for _, n, _, _ in pages if fold[n] == k] for k in range(FOLDS)]
    cv, none = [], []
    for k in range(FOLDS):
        train = [n for j in range(FOLDS) if j != k for n in by_fold[j]]
        beta = fit([r for n in train for r in rows.get(n, [])])
        per_fold = lambda th: statistics.mean(f1(by_fold[j], beta, th) for j in range(FOLDS) if j != k)
        th = max(THRESHOLDS, key=per_fold)
        cv.append(f1(by_fold[k], beta, th))
        none.append(f1(by_fold[k], beta, -math.inf))
        print(f"fold {k}: threshold {th}, held out {cv[-1]:.4f} (no model {none[-1]:.4f})")
    print(f"segments' kept text, no model: CV {statistics.mean(none):.4f} ({min(none):.3f}-{max(none):.3f})")
    print(f"with the edge model, out of fold: CV {statistics.mean(cv):.4f} ({min(cv):.3f}-{max(cv):.3f})")
    beta = fit([r for n in rows for r in rows[n]])
    th = max(THRESHOLDS, key=lambda t: statistics.mean(f1(by_fold[j], beta, t) for j in range(FOLDS)))
    for name, w in zip(names, beta):
        print(f"  {w:+.3f}  {name}")
    ins = [f1(by_fold[j], beta, th) for j in range(FOLDS)]
    print(f"threshold (all pages): {th}; shipped weights, in-sample: CV {statistics.mean(ins):.4f}")
    if "--write" in args:
        checks = [r[0] for n in sorted(rows)[:40:13] for r in rows[n][:1]]
        write(args[args.index("--write") + 1], names, beta, th, checks)


def write(path, names, beta, th, checks):
    lines = [
        "//! Weights of the copied-text edge model (`segments.rs`), written by",
        "//! `scripts/train-copied.py` (run by `scripts/train-copied.sh`): a logistic regression",
        "//! over the segments of the body's run of ../shared/articles/dev + more, its",
        "//! threshold chosen by the article metric. Do not edit by hand.",
        "",
        "pub(super) const WEIGHTS: [f32; super::N] = [",
    ]
    lines += [f"    {str(np.float32(w))}, // {n}" for n, w in zip(names, beta)]
    lines += ["];", "", "/// An edge segment below these log-odds is dropped.",
              f"pub(super) const THRESHOLD: f32 = {'f32::NEG_INFINITY' if th == -math.inf else repr(float(th))};", "",
              "/// Segments' features and the trainer's log-odds of them (for a test).",
              "#[cfg(test)]",
              "#[allow(clippy::approx_constant)] // features as the trainer read them (ln 2 among them)",
              f"pub(super) const CHECKS: [([f64; super::N], f64); {len(checks)}] = ["]
    for x in checks:
        lines.append(f"    ([{', '.join(repr(float(v)) for v in x)}], {float(x @ beta.astype(np.float32).astype(np.float64))!r}),")
    lines += ["];", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
