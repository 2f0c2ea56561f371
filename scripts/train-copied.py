#!/usr/bin/env python3
"""Train the copied-text edge model (src/engine/furniture/segments.rs) and measure it by
site-grouped cross-validation over ../shared/articles/dev + more.

usage: train-copied.py SEGMENTS.tsv [--write src/engine/furniture/segment_weights.rs]

SEGMENTS.tsv comes from `examples/copied_segments.rs`: the segments of the body's run of
every copied page (stretches of prose lines apart at non-prose lines), their features
and text. A segment's label: most of its word 4-grams are in the page's gold body. The
model is an L2-regularised logistic regression over the segments other than the run's
main one, each page weighing the same. At each edge of the run the engine drops the
outer segments up to the cut that gains the most (a segment's gain: its words times
sigmoid(threshold) less its probability of being article; cuts only where the innermost
dropped segment stands apart); the threshold is chosen on the training folds by the
article metric from THRESHOLDS. Prints the CV figure (each fold predicted by the model trained without
it) beside no model; with --write, writes the weights trained on all pages.
Needs numpy (scripts/train-copied.sh makes a venv).
"""
import importlib.util, math, os, re, statistics, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("article_cv", os.path.join(HERE, "article-cv.py"))
article_cv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(article_cv)
A = article_cv.article_score

L2 = 1.0
THRESHOLDS = [-math.inf, -1.0, -0.5, 0.0, 0.25, 0.5, 1.0, 1.5, 2.0]
FOLDS = 5
MIN_GAP = 2  # segments.rs MIN_GAP
# The share of the gold body's quoted sentences (below) that the cuts may lose against
# no model, on the training folds, for a threshold to be chosen: the article metric
# alone chose a threshold whose cuts lost 0.4 points of the quotes and claims kept
# inside the article (`article_eval`; reference lists and footnotes the gold bodies
# count). Set by hand (round copied11).
QUOTE_LOSS = 0.001
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


def quoted_sentences(gold_text):
    """The gold body's sentences of 6 words or more holding a quotation mark or "said",
    whitespace-normalised: a stand-in for the quotes and claims `article_eval` counts."""
    parts = re.split(r'(?<=[.!?\u201d])\s+|\n', gold_text)
    return [" ".join(p.split()) for p in parts if len(p.split()) >= 6 and any(q in p for q in ('\u201c', '"', 'said'))]


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
    """The page's body as segments.rs gives it: at each edge, the cut (at a parted
    segment, or none) whose dropped segments gain the most, a segment's gain being its
    words times (sigmoid(threshold) - its probability of being article); the gaps
    between kept segments kept."""
    if not segs:
        return None
    main = main_index(segs)
    sigmoid = lambda z: 1 / (1 + math.exp(-z))
    floor = sigmoid(threshold) if threshold > -math.inf else 0.0
    gain = lambda s: max(1, len(s[1].split())) * (floor - sigmoid(s[0] @ beta))
    top = best_cut([segs[k] for k in range(main)], gain)
    bottom = len(segs) - best_cut([segs[k] for k in range(len(segs) - 1, main, -1)], gain)
    parts = []
    for k in range(top, bottom):
        if k > top and segs[k][2]:
            parts.append(segs[k][2])
        parts.append(segs[k][1])
    return "\n".join(parts)


def best_cut(outside_in, gain):
    """How many of the edge segments `outside_in` (outermost first) to drop: the count
    whose summed gain is largest and above zero, the innermost dropped one parted from
    the rest (segments.rs `best_cut`)."""
    best, cut, total = 0.0, 0, 0.0
    for k, s in enumerate(outside_in):
        total += gain(s)
        if parted(s[0]) and total > best:
            best, cut = total, k + 1
    return cut


def main():
    args = sys.argv[1:]
    names, segpages = load(args[0])
    pages = [(s, n, g, site) for s, n, g, site in article_cv.pages() if s != "other"]
    gold = {n: A.shingles(open(os.path.join(g, n + ".body.txt"), encoding="utf-8").read()) for _, n, g, _ in pages}
    quoted = {n: quoted_sentences(open(os.path.join(g, n + ".body.txt"), encoding="utf-8").read()) for _, n, g, _ in pages}
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

    def f1(ns, beta, th, full=False):
        out = []
        for n in ns:
            text = kept_text(segpages.get(n, []), beta, th) if beta is not None else None
            if text is None:
                text = kept_text(segpages.get(n, []), np.zeros(len(names)), -math.inf) or ""
            out.append(score(n, text))
        return A.prf(out) if full else A.prf(out)[2]

    def kept_quotes(ns, beta, th):
        out = 0
        for n in ns:
            text = " ".join((kept_text(segpages.get(n, []), beta, th) or "").split())
            out += sum(1 for q in quoted[n] if q in text)
        return out

    def choose(ns, beta):
        """The threshold of best mean F1 over the folds of `ns` among those losing at
        most QUOTE_LOSS of the quoted sentences no model keeps."""
        floor = (1 - QUOTE_LOSS) * kept_quotes(ns, beta, -math.inf)
        allowed = [th for th in THRESHOLDS if kept_quotes(ns, beta, th) >= floor]
        folds = sorted({fold[n] for n in ns})
        return max(allowed, key=lambda th: statistics.mean(f1([n for n in ns if fold[n] == j], beta, th) for j in folds))

    by_fold = [[n for _, n, _, _ in pages if fold[n] == k] for k in range(FOLDS)]
    cv, none, ps = [], [], []
    for k in range(FOLDS):
        train = [n for j in range(FOLDS) if j != k for n in by_fold[j]]
        beta = fit([r for n in train for r in rows.get(n, [])])
        th = choose(train, beta)
        prf = f1(by_fold[k], beta, th, full=True)
        cv.append(prf[2])
        ps.append(prf[:2])
        none.append(f1(by_fold[k], beta, -math.inf))
        print(f"fold {k}: threshold {th}, held out {cv[-1]:.4f} (no model {none[-1]:.4f})")
    print(f"segments' kept text, no model: CV {statistics.mean(none):.4f} ({min(none):.3f}-{max(none):.3f})")
    print(f"with the edge model, out of fold: CV {statistics.mean(cv):.4f} ({min(cv):.3f}-{max(cv):.3f}),"
          f" P {statistics.mean(p for p, _ in ps):.4f} R {statistics.mean(r for _, r in ps):.4f}")
    beta = fit([r for n in rows for r in rows[n]])
    th = choose([n for ns in by_fold for n in ns], beta)
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
