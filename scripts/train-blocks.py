#!/usr/bin/env python3
"""Train the article block model (src/article/block_model.rs) and measure it by
site-grouped cross-validation over ../shared/articles/dev + more.

usage: train-blocks.py ROWS.jsonl OUT_DIR [--write src/article/block_weights.rs]

ROWS.jsonl comes from `examples/article_blocks.rs` (every candidate block of every page
with the text-shape judgement's choice and its features). A block's label: most of its
word 4-grams are in the page's gold body. The model is an L2-regularised logistic
regression, each page weighing the same (a block by its share of the page's words); its
second stage is the same regression over the features and the first stage's scores of
the block and its neighbours (neighbour_scores, as block_model::neighbour_scores). The
two thresholds (drop a kept block below, add a left-out block above) are chosen on the
training folds by the article metric. Writes OUT_DIR/html-cv/NAME.txt (each page
predicted by the model trained without its site's fold) and, with --write, the weights
trained on all pages. Needs numpy (a venv: scripts/train-blocks.sh).
"""
import importlib.util, json, math, os, re, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("article_cv", os.path.join(HERE, "article-cv.py"))
article_cv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(article_cv)
article_score = article_cv.article_score

TOKEN = re.compile(r"\w+")
L2 = 1.0
CROSS = 0.0
DROPS = [-math.inf, -1.0, -0.5, 0.0, 0.5, 1.0]
ADDS = [math.inf, 1.0, 0.5, 0.0]
# Below this many words, the judged body gives way to the shape-only reading when that
# holds three times more (markup that hides a whole article in a "widget"); learnt on
# the training folds, since a short article beside long comments must keep its body.
PLAIN_BELOWS = [150, 120, 100, 80, 60, 40, 20]
# The second stage's extra features: block_model::STACKED.
STACKED = 5


def label(text, gold_tokens, gold_shingles, gold_joined):
    toks = TOKEN.findall(text)
    if not toks:
        return 0.0
    if len(toks) < 4:
        return float(" " + " ".join(toks) + " " in gold_joined)
    sh = [tuple(toks[i:i + 4]) for i in range(len(toks) - 3)]
    return float(sum(s in gold_shingles for s in sh) * 2 >= len(sh))


def load(rows_path):
    pages = {}
    for line in open(rows_path, encoding="utf-8"):
        p = json.loads(line)
        pages[p["name"]] = p
    out = []
    for src, name, gold_dir, site in article_cv.pages():
        if name not in pages:
            continue
        p = pages[name]
        gold = open(os.path.join(gold_dir, name + ".body.txt"), encoding="utf-8").read()
        gt = TOKEN.findall(gold)
        gs = {tuple(gt[i:i + 4]) for i in range(len(gt) - 3)}
        gj = " " + " ".join(gt) + " "
        rows = p["rows"]
        X = np.array([r["f"] for r in rows], dtype=np.float64).reshape(len(rows), -1) if rows else np.zeros((0, 1))
        if rows:
            # Each feature alone and times "the first judgement kept it" (feature 1):
            # keeping and adding can be learnt apart (the cross terms held at zero
            # unless CROSS: with 490 pages they overfit).
            X = np.hstack([X, X * X[:, 1:2] * CROSS])
        y = np.array([label(r["text"], gt, gs, gj) for r in rows])
        w = np.array([len(TOKEN.findall(r["text"])) for r in rows], dtype=np.float64)
        w = w / max(1.0, w.sum()) + 1.0 / max(1, len(rows)) * 0.1
        gold_counts = article_score.shingles(gold)
        out.append(dict(src=src, name=name, site=site, gold=gold, gold_counts=gold_counts, rows=rows, X=X, y=y, w=w,
                        plain=p["plain"], plain_words=p["plain_words"],
                        fold=article_cv.fold_of(site, 5)))
    return out


def fit(pages, key="X"):
    X = np.vstack([p[key] for p in pages if len(p["rows"])])
    y = np.concatenate([p["y"] for p in pages if len(p["rows"])])
    w = np.concatenate([p["w"] for p in pages if len(p["rows"])])
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], L2 / w.sum())
    reg[0] = 0.0
    if not CROSS:
        reg[X.shape[1] // 2:] = 1e6  # no cross terms: their weights stay zero
    for _ in range(50):  # Newton steps
        z = X @ beta
        pr = 1 / (1 + np.exp(-z))
        g = X.T @ (w * (pr - y)) / w.sum() + reg * beta
        H = (X * (w * pr * (1 - pr))[:, None]).T @ X / w.sum() + np.diag(reg + 1e-9)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return beta


def neighbour_scores(z):
    """block_model::neighbour_scores: the first stage's log-odds of a page's blocks as
    the second stage reads them (clipped, scaled; 0 beyond the page's ends)."""
    z = np.clip(z, -8, 8) / 4
    def at(k):
        out = np.zeros_like(z)
        if k > 0:
            out[:-k] = z[k:]
        elif k < 0:
            out[-k:] = z[:k]
        return out
    p1, n1, p2, n2 = at(-1), at(1), at(-2), at(2)
    return np.stack([z, p1, n1, np.maximum(p2, n2), (p1 + n1 + p2 + n2) / 4], 1)


def stack(pages, beta):
    """Each page's second-stage rows (X2): its features, then the first stage's scores
    (`beta`) of it and its neighbours, laid out as fit() wants (cross terms after)."""
    for p in pages:
        X = p["X"]
        if not len(p["rows"]):
            p["X2"] = np.zeros((0, X.shape[1] + 2 * STACKED))
            continue
        half = X.shape[1] // 2
        S = neighbour_scores(X @ beta)
        p["X2"] = np.hstack([X[:, :half], S, X[:, half:], S * 0])


def predict(page, beta, drop, add, plain_below=150):
    """The page's article text as the engine writes it (readable_text_of); `beta` is
    the second stage's, over page["X2"] (stack())."""
    parts = []
    if len(page["rows"]):
        z = page["X2"] @ beta
        for r, zi in zip(page["rows"], z):
            if r["first"] is not None:
                if zi >= drop:
                    parts.append(r["first"])
            elif zi > add:
                parts.append(r["text"])
    text = "\n\n".join(parts)
    words = len(TOKEN.findall(text))
    if words < plain_below and page["plain_words"] > 3 * max(words, 20):
        return page["plain"]
    return text.strip()


def tp_fp_fn(t, pred):
    """article_score.tp_fp_fn with the gold's shingles counted once."""
    p = article_score.shingles(pred)
    tp = sum(min(c, p[k]) for k, c in t.items() if k in p)
    fp = sum(p.values()) - tp
    fn = sum(t.values()) - tp
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def f1_of(pages, beta, drop, add, plain_below=150):
    rows = [tp_fp_fn(p["gold_counts"], predict(p, beta, drop, add, plain_below)) for p in pages]
    return article_score.prf(rows)[2]


def train(pages, everyone):
    """Both stages on `pages`; every page of `everyone` gets its X2 from this first stage."""
    beta1 = fit(pages)
    stack(everyone, beta1)
    beta = fit(pages, "X2")
    best = max(((f1_of(pages, beta, d, a), d, a) for d in DROPS for a in ADDS), key=lambda t: t[0])
    _, drop, add = best
    # Then the fallback's threshold, the thresholds above held (ties: the larger, as before).
    f, below = max(((f1_of(pages, beta, drop, add, b), b) for b in PLAIN_BELOWS), key=lambda t: (t[0], t[1]))
    return beta1, beta, drop, add, below, f


def main():
    args = sys.argv[1:]
    rows_path, out = args[0], args[1]
    pages = load(rows_path)
    train_pages = [p for p in pages if p["src"] != "other"]
    os.makedirs(os.path.join(out, "html-cv"), exist_ok=True)
    for k in range(5):
        fold_train = [p for p in train_pages if p["fold"] != k]
        _, beta, drop, add, below, f = train(fold_train, pages)
        print(f"fold {k}: drop below {drop}, add above {add}, plain below {below}, train F1 {f:.4f}", file=sys.stderr)
        for p in pages:
            # other/ pages are predicted by fold 0's model (never trained on them).
            if p["fold"] == k and p["src"] != "other" or (p["src"] == "other" and k == 0):
                with open(os.path.join(out, "html-cv", p["name"] + ".txt"), "w", encoding="utf-8") as fh:
                    fh.write(predict(p, beta, drop, add, below))
    if "--write" in args:
        beta1, beta, drop, add, below, f = train(train_pages, pages)
        print(f"all: drop below {drop}, add above {add}, plain below {below}, train F1 {f:.4f}", file=sys.stderr)
        write_weights(args[args.index("--write") + 1], beta1, beta, drop, add, below, train_pages)


def rust_f32(x):
    if x == math.inf:
        return "f32::INFINITY"
    if x == -math.inf:
        return "f32::NEG_INFINITY"
    # The shortest text that reads back as the same f32 (clippy: no excess digits).
    t = str(np.float32(x))
    return t if ("." in t or "e" in t) else t + ".0"


def write_weights(path, beta, beta2, drop, add, below, pages):
    checks, stacked_checks = [], []
    n = len(beta) // 2
    for p in pages[:3]:
        if len(p["rows"]):
            full = p["X"][len(p["rows"]) // 2]
            checks.append((full[:n], float(full @ beta)))
            full2 = p["X2"][len(p["rows"]) // 2]
            stacked_checks.append((full2[:n], full2[n:n + STACKED], float(full2 @ beta2)))
    with open(path, "w") as fh:
        fh.write("//! Weights of [`super::block_model`], written by `scripts/train-blocks.py` (run by\n"
                 "//! `scripts/train-blocks.sh`) from ../shared/articles/dev + more: do not edit.\n"
                 "// Generated numbers: a feature value of ln 2 is data, not the constant.\n"
                 "#![allow(clippy::approx_constant)]\n\n")
        fh.write("pub(super) const WEIGHTS: [f32; 2 * super::block_model::FEATURES] = [\n")
        for b in beta:
            fh.write(f"    {rust_f32(float(b))},\n")
        fh.write("];\n")
        fh.write("/// The second stage's weights: the features, then the first stage's scores of the\n"
                 "/// block and its neighbours (`block_model::neighbour_scores`).\n")
        fh.write("pub(super) const STACKED_WEIGHTS: [f32; super::block_model::FEATURES + super::block_model::STACKED] = [\n")
        for b in beta2[: n + STACKED]:
            fh.write(f"    {rust_f32(float(b))},\n")
        fh.write("];\n")
        fh.write(f"/// A block the text-shape judgement kept is dropped when its log-odds are below this.\n")
        fh.write(f"pub(super) const DROP_BELOW: f32 = {rust_f32(drop)};\n")
        fh.write(f"/// A block it left out is added when its log-odds are above this.\n")
        fh.write(f"pub(super) const ADD_ABOVE: f32 = {rust_f32(add)};\n")
        fh.write("/// A judged body of fewer words gives way to the shape-only reading when that holds\n"
                 "/// three times more (`readable_text_of`).\n")
        fh.write(f"pub(super) const PLAIN_BELOW: usize = {below};\n")
        fh.write("\n/// Feature vectors of a few training blocks and the log-odds the trainer gave them.\n")
        fh.write("#[cfg(test)]\n")
        fh.write("pub(super) const CHECKS: &[([f32; super::block_model::FEATURES], f32)] = &[\n")
        for x, z in checks:
            fh.write("    ([" + ", ".join(rust_f32(float(v)) for v in x) + f"], {rust_f32(z)}),\n")
        fh.write("];\n")
        fh.write("\n/// The same for the second stage: features, neighbour scores, log-odds.\n")
        fh.write("#[cfg(test)]\n")
        fh.write("pub(super) const STACKED_CHECKS: &[([f32; super::block_model::FEATURES], [f32; super::block_model::STACKED], f32)] = &[\n")
        for x, sc, z in stacked_checks:
            fh.write("    ([" + ", ".join(rust_f32(float(v)) for v in x) + "], [" + ", ".join(rust_f32(float(v)) for v in sc) + f"], {rust_f32(z)}),\n")
        fh.write("];\n")


if __name__ == "__main__":
    main()
