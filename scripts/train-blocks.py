#!/usr/bin/env python3
"""Train the article block model (src/article/block_model.rs) and measure it by
site-grouped cross-validation over ../shared/articles/dev + more.

usage: train-blocks.py ROWS.jsonl OUT_DIR [--write src/article/block_weights.rs]

ROWS.jsonl comes from `examples/article_blocks.rs` (every candidate block of every page
with the text-shape judgement's choice and its features). A block's label: most of its
word 4-grams are in the page's gold body. The model is a sum of small boosted trees
(scikit-learn's HistGradientBoostingClassifier), each page weighing the same (a block by
its share of the page's words); a kept block is dropped and a left-out block added at
even odds; the shape-only fallback's threshold is chosen on the training folds by the
article metric. Writes OUT_DIR/html-cv/NAME.txt (each page predicted by the model
trained without its site's fold) and, with --write, the trees trained on all pages,
complete to their depth, as block_model::logit reads them. Needs numpy and scikit-learn
(a venv: scripts/train-blocks.sh).
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
# Below this many words, the judged body gives way to the shape-only reading when that
# holds three times more (markup that hides a whole article in a "widget"); learnt on
# the training folds, since a short article beside long comments must keep its body.
PLAIN_BELOWS = [150, 120, 100, 80, 60, 40, 20]


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
        # The features as the engine holds them (f32, not the printed decimals), so that a
        # split's threshold falls where the engine's comparison falls.
        X = np.array([r["f"] for r in rows], dtype=np.float32).astype(np.float64).reshape(len(rows), -1) if rows else np.zeros((0, 1))
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


# The trees (block_model::logit): depth, number and learning rate set by hand (a
# first try, not tuned: 200 trees of depth 3 at 0.05, leaves of at least 100 blocks,
# L2 1 on the leaves); more would overfit 490 pages.
TREES, DEPTH, RATE, MIN_LEAF = 200, 3, 0.05, 100
# A kept block is dropped, a left-out one added, at even odds (log-odds 0): set by hand,
# as boosted trees' in-sample scores are too sure to choose thresholds on.
DROP, ADD = 0.0, 0.0


def fit(pages):
    """Boosted trees over the first half of X (the block's features; the second half
    is the old cross terms, zero), each page weighing the same."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    n = pages[0]["X"].shape[1] // 2
    with_rows = [p for p in pages if len(p["rows"])]
    X = np.vstack([p["X"][:, :n] for p in with_rows])
    y = np.concatenate([p["y"] for p in with_rows])
    w = np.concatenate([p["w"] for p in with_rows])
    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=RATE, max_depth=DEPTH,
                                           min_samples_leaf=MIN_LEAF, l2_regularization=1.0, max_bins=64,
                                           early_stopping=False, random_state=0)
    model.fit(X, y, sample_weight=w * len(w) / w.sum())
    return model


def score(pages, model):
    """Each page's blocks' log-odds (p["z"])."""
    for p in pages:
        n = p["X"].shape[1] // 2
        p["z"] = model.decision_function(p["X"][:, :n]) if len(p["rows"]) else np.zeros(0)


def predict(page, drop=DROP, add=ADD, plain_below=150):
    """The page's article text as the engine writes it (readable_text_of), from p["z"]."""
    parts = []
    for r, zi in zip(page["rows"], page["z"]):
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


def f1_of(pages, plain_below=150):
    rows = [tp_fp_fn(p["gold_counts"], predict(p, plain_below=plain_below)) for p in pages]
    return article_score.prf(rows)[2]


def train(pages, everyone):
    """The trees on `pages`; every page of `everyone` scored by them (p["z"])."""
    model = fit(pages)
    score(everyone, model)
    # The fallback's threshold (ties: the larger, as before).
    f, below = max(((f1_of(pages, b), b) for b in PLAIN_BELOWS), key=lambda t: (t[0], t[1]))
    return model, below, f


def main():
    args = sys.argv[1:]
    rows_path, out = args[0], args[1]
    pages = load(rows_path)
    train_pages = [p for p in pages if p["src"] != "other"]
    os.makedirs(os.path.join(out, "html-cv"), exist_ok=True)
    for k in range(5):
        fold_train = [p for p in train_pages if p["fold"] != k]
        _, below, f = train(fold_train, pages)
        print(f"fold {k}: plain below {below}, train F1 {f:.4f}", file=sys.stderr)
        for p in pages:
            # other/ pages are predicted by fold 0's model (never trained on them).
            if p["fold"] == k and p["src"] != "other" or (p["src"] == "other" and k == 0):
                with open(os.path.join(out, "html-cv", p["name"] + ".txt"), "w", encoding="utf-8") as fh:
                    fh.write(predict(p, plain_below=below))
    if "--write" in args:
        model, below, f = train(train_pages, pages)
        print(f"all: plain below {below}, train F1 {f:.4f}", file=sys.stderr)
        write_weights(args[args.index("--write") + 1], model, below, train_pages)


def rust_f32(x):
    if x == math.inf:
        return "f32::INFINITY"
    if x == -math.inf:
        return "f32::NEG_INFINITY"
    # The shortest text that reads back as the same f32 (clippy: no excess digits).
    t = str(np.float32(x))
    return t if ("." in t or "e" in t) else t + ".0"


def f32_at_most(x):
    """The largest f32 not above x: a block goes left when its (f32) feature is at most
    the threshold, as in sklearn with the float64 threshold."""
    v = np.float32(x)
    return np.nextafter(v, np.float32(-np.inf)) if float(v) > x else v


def complete_trees(model):
    """Each tree as DEPTH levels of splits (feature, threshold) and 2^DEPTH leaves, a leaf
    above the last level padded by splits that always go left (feature 0 is 1, never
    above +inf)."""
    splits, leaves = [], []
    for (pred,) in model._predictors:
        nodes = pred.nodes
        tree_splits = [(0, np.float32(np.inf))] * (2 ** DEPTH - 1)
        tree_leaves = [0.0] * (2 ** DEPTH)

        def walk(i, slot, level):
            node = nodes[i]
            if level == DEPTH:
                tree_leaves[slot - (2 ** DEPTH - 1)] = float(node["value"])
                return
            if node["is_leaf"]:
                walk(i, 2 * slot + 1, level + 1)
                walk(i, 2 * slot + 2, level + 1)
                return
            tree_splits[slot] = (int(node["feature_idx"]), f32_at_most(float(node["num_threshold"])))
            walk(int(node["left"]), 2 * slot + 1, level + 1)
            walk(int(node["right"]), 2 * slot + 2, level + 1)
        walk(0, 0, 0)
        splits += tree_splits
        leaves += tree_leaves
    return splits, leaves


def write_weights(path, model, below, pages):
    splits, leaves = complete_trees(model)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    checks = []
    n = pages[0]["X"].shape[1] // 2
    for p in pages[:3]:
        if len(p["rows"]):
            x = p["X"][len(p["rows"]) // 2][:n]
            checks.append((x, float(model.decision_function(x[None, :])[0])))
    with open(path, "w") as fh:
        fh.write("//! Weights of [`super::block_model`], written by `scripts/train-blocks.py` (run by\n"
                 "//! `scripts/train-blocks.sh`) from ../shared/articles/dev + more: do not edit.\n"
                 "// Generated numbers: a feature value of ln 2 is data, not the constant.\n"
                 "#![allow(clippy::approx_constant)]\n\n")
        fh.write("/// The log-odds before any tree.\n")
        fh.write(f"pub(super) const BASELINE: f32 = {rust_f32(baseline)};\n")
        fh.write("/// Each tree's splits, level by level: the feature read ...\n")
        fh.write(f"pub(super) const TREE_FEATURES: [u8; {len(splits)}] = [\n")
        for k, _ in splits:
            fh.write(f"    {k},\n")
        fh.write("];\n/// ... and the threshold it is compared with (above: right).\n")
        fh.write(f"pub(super) const TREE_THRESHOLDS: [f32; {len(splits)}] = [\n")
        for _, t in splits:
            fh.write(f"    {rust_f32(float(t))},\n")
        fh.write("];\n/// Each tree's leaves, left to right.\n")
        fh.write(f"pub(super) const TREE_LEAVES: [f32; {len(leaves)}] = [\n")
        for v in leaves:
            fh.write(f"    {rust_f32(v)},\n")
        fh.write("];\n")
        fh.write(f"/// A block the text-shape judgement kept is dropped when its log-odds are below this.\n")
        fh.write(f"pub(super) const DROP_BELOW: f32 = {rust_f32(DROP)};\n")
        fh.write(f"/// A block it left out is added when its log-odds are above this.\n")
        fh.write(f"pub(super) const ADD_ABOVE: f32 = {rust_f32(ADD)};\n")
        fh.write("/// A judged body of fewer words gives way to the shape-only reading when that holds\n"
                 "/// three times more (`readable_text_of`).\n")
        fh.write(f"pub(super) const PLAIN_BELOW: usize = {below};\n")
        fh.write("\n/// Feature vectors of a few training blocks and the log-odds the trainer gave them.\n")
        fh.write("#[cfg(test)]\n")
        fh.write("pub(super) const CHECKS: &[([f32; super::block_model::FEATURES], f32)] = &[\n")
        for x, z in checks:
            fh.write("    ([" + ", ".join(rust_f32(float(v)) for v in x) + f"], {rust_f32(z)}),\n")
        fh.write("];\n")


if __name__ == "__main__":
    main()
