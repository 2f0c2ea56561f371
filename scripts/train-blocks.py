#!/usr/bin/env python3
"""Train the article block model (src/article/block_model.rs) and measure it by
site-grouped cross-validation over ../shared/articles/dev + more.

usage: train-blocks.py ROWS.jsonl OUT_DIR [--write src/article/block_weights.rs]

ROWS.jsonl comes from `examples/article_blocks.rs` (every candidate block of every page
with the text-shape judgement's choice and its features). A block's label: most of its
word 4-grams are in the page's gold body. The model is two stages of small boosted
trees (scikit-learn's HistGradientBoostingClassifier), each page weighing the same (a
block by its share of the page's words): the first over the block's features, the second
over those and the first stage's out-of-fold log-odds of the blocks around it
(`stage2_features`; out of fold by site, so the second stage never learns from in-sample
first-stage scores); a kept block is dropped and a left-out block added at even odds; the shape-only fallback's threshold is chosen on the training folds by the
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
# The second stage's trees: the same, but leaves of at least 300 blocks (chosen by site CV
# from 100 and 300: 0.9532 and 0.9541, every fold up with 300); the block's log-odds
# are the mean of the two stages' (CV 0.9540, every fold up; dev 0.9745 against 0.9734
# for the second stage alone and 0.9754 for the first).
STACKED_MIN_LEAF = 300
# A kept block is dropped, a left-out one added, at even odds (log-odds 0): set by hand,
# as boosted trees' in-sample scores are too sure to choose thresholds on.
DROP, ADD = 0.0, 0.0


def own_features(p):
    """The block's own features: the first half of X (the second half is the old cross
    terms, zero)."""
    return p["X"][:, :p["X"].shape[1] // 2]


def fit(pages, features=own_features, min_leaf=None):
    """Boosted trees over `features` of each page's blocks, each page weighing the same."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    with_rows = [p for p in pages if len(p["rows"])]
    X = np.vstack([features(p) for p in with_rows])
    y = np.concatenate([p["y"] for p in with_rows])
    w = np.concatenate([p["w"] for p in with_rows])
    model = HistGradientBoostingClassifier(max_iter=TREES, learning_rate=RATE, max_depth=DEPTH,
                                           min_samples_leaf=min_leaf or MIN_LEAF, l2_regularization=1.0, max_bins=64,
                                           early_stopping=False, random_state=0)
    model.fit(X, y, sample_weight=w * len(w) / w.sum())
    return model


def score(pages, model, features=own_features):
    """Each page's blocks' log-odds (p["z"])."""
    for p in pages:
        p["z"] = model.decision_function(features(p)) if len(p["rows"]) else np.zeros(0)


# The first stage's log-odds as the second stage reads them: clipped to +-CLIP, and
# -CLIP off the page's ends (block_model::OFF_PAGE).
CLIP = 8.0


def stage2_features(p, z1):
    """block_model::stacked_features of the page's blocks from first-stage log-odds z1,
    after the block's own features (as f32, as the engine holds them)."""
    X = own_features(p)
    extra = stacked_features(z1, X[:, 1] > 0.5, np.round(np.exp(X[:, 2]) - 1))
    return np.hstack([X, extra]).astype(np.float32).astype(np.float64)


def stacked_features(z, picked, words):
    """The 23 features the second stage reads of first-stage log-odds z (the first
    judgement `picked`, the blocks' `words`), in block_model::stacked_features's order."""
    n = len(z)
    if n == 0:
        return np.zeros((0, 23))
    z = np.clip(np.asarray(z, dtype=np.float64), -CLIP, CLIP)
    kept = np.where(picked, z >= DROP, z > ADD)
    pad = np.concatenate([np.full(5, -CLIP), z, np.full(5, -CLIP)])
    at = lambda k: pad[5 + k: 5 + k + n]
    kw = np.where(kept, words, 0.0)
    before = np.concatenate([[0.0], np.cumsum(kw)[:-1]])
    after = kw.sum() - before - kw
    total = max(kw.sum(), 1.0)
    idx = np.arange(n)
    top_at = int(np.argmax(z))
    prev_kept, next_kept = np.full(n, 10.0), np.full(n, 10.0)
    last = None
    for i in range(n):
        if last is not None:
            prev_kept[i] = min(i - last, 10)
        if kept[i]:
            last = i
    last = None
    for i in reversed(range(n)):
        if last is not None:
            next_kept[i] = min(last - i, 10)
        if kept[i]:
            last = i
    run_words, run_mean = np.zeros(n), np.full(n, -CLIP)
    i = 0
    while i < n:
        if kept[i]:
            j = i
            while j < n and kept[j]:
                j += 1
            run_words[i:j], run_mean[i:j] = kw[i:j].sum(), z[i:j].mean()
            i = j
        else:
            i += 1
    after_max = np.concatenate([np.maximum.accumulate(z[::-1])[::-1][1:], [-CLIP]])
    before_max = np.concatenate([[-CLIP], np.maximum.accumulate(z)[:-1]])
    return np.column_stack([
        z, at(-1), at(1), at(-2), at(2), at(-3), at(3), (at(-1) + at(1) + at(-2) + at(2)) / 4,
        z.max() - z, np.clip((idx - top_at) / 10.0, -5, 5), np.log1p(before), np.log1p(after),
        before / total, after / total, prev_kept / 10, next_kept / 10, run_words / total, run_mean,
        np.max([at(k) for k in range(1, 6)], axis=0), np.max([at(-k) for k in range(1, 6)], axis=0),
        after_max, before_max, kept.astype(np.float64),
    ])


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


def choose_below(pages):
    """The fallback's threshold on `pages` scored in p["z"] (ties: the larger, as before)."""
    return max(((f1_of(pages, b), b) for b in PLAIN_BELOWS), key=lambda t: (t[0], t[1]))


def first_stages(pages, train_pages):
    """The first stage trained without each fold and without each pair of folds: its
    log-odds of every page (`z1[frozenset(left out)][name]`) where it was not trained on
    it. The model without fold k scores fold k's pages (and other/'s) for the second
    stage trained on the other folds, and those folds' pages are scored, fold j's by the
    model without j and k, so the second stage of a CV fold never meets first-stage
    scores of the pages its first stage was trained on. Without a pair {j, k} serves
    both CV folds j and k."""
    z1 = {}
    for left_out in [frozenset([k]) for k in range(5)] + [frozenset((j, k)) for j in range(5) for k in range(j + 1, 5)]:
        model = fit([p for p in train_pages if p["fold"] not in left_out])
        z1[left_out] = {p["name"]: (model.decision_function(own_features(p)) if len(p["rows"]) else np.zeros(0))
                        for p in pages if p["fold"] in left_out or p["src"] == "other"}
        print(f"first stage without folds {sorted(left_out)}", file=sys.stderr, flush=True)
    return z1


def second_stage(train_pages, everyone):
    """The second stage on `train_pages` (each with its out-of-fold p["z1"]); every page
    of `everyone` scored by the mean of it and p["z1"] (p["z"]), and the fallback's
    threshold chosen."""
    features = lambda p: stage2_features(p, p["z1"])
    model = fit(train_pages, features, STACKED_MIN_LEAF)
    score(everyone, model, features)
    for p in everyone:
        p["z"] = (p["z"] + p["z1"]) / 2
    f, below = choose_below(train_pages)
    return model, below, f


def main():
    args = sys.argv[1:]
    rows_path, out = args[0], args[1]
    pages = load(rows_path)
    train_pages = [p for p in pages if p["src"] != "other"]
    os.makedirs(os.path.join(out, "html-cv"), exist_ok=True)
    z1 = first_stages(pages, train_pages)
    for k in range(5):
        fold_train = [p for p in train_pages if p["fold"] != k]
        for p in fold_train:
            p["z1"] = z1[frozenset((p["fold"], k))][p["name"]]
        # other/ pages are predicted by fold 0's model (never trained on them).
        predicted = [p for p in pages if p["fold"] == k and p["src"] != "other" or (p["src"] == "other" and k == 0)]
        for p in predicted:
            p["z1"] = z1[frozenset([k])][p["name"]]
        _, below, f = second_stage(fold_train, fold_train + predicted)
        print(f"fold {k}: plain below {below}, train F1 {f:.4f}", file=sys.stderr)
        for p in predicted:
            with open(os.path.join(out, "html-cv", p["name"] + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(predict(p, plain_below=below))
    if "--write" in args:
        for p in train_pages:
            p["z1"] = z1[frozenset([p["fold"]])][p["name"]]
        second, below, f = second_stage(train_pages, train_pages)
        print(f"all: plain below {below}, train F1 {f:.4f}", file=sys.stderr)
        first = fit(train_pages)
        write_weights(args[args.index("--write") + 1], first, second, below, train_pages)


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


def write_trees(fh, prefix, what, model):
    splits, leaves = complete_trees(model)
    baseline = float(np.ravel(model._baseline_prediction)[0])
    fh.write(f"/// {what}: the log-odds before any tree.\n")
    fh.write(f"pub(super) const {prefix}BASELINE: f32 = {rust_f32(baseline)};\n")
    fh.write("/// Each tree's splits, level by level: the feature read ...\n")
    fh.write(f"pub(super) const {prefix}FEATURES: [u8; {len(splits)}] = [\n")
    for k, _ in splits:
        fh.write(f"    {k},\n")
    fh.write("];\n/// ... and the threshold it is compared with (above: right).\n")
    fh.write(f"pub(super) const {prefix}THRESHOLDS: [f32; {len(splits)}] = [\n")
    for _, t in splits:
        fh.write(f"    {rust_f32(float(t))},\n")
    fh.write("];\n/// Each tree's leaves, left to right.\n")
    fh.write(f"pub(super) const {prefix}LEAVES: [f32; {len(leaves)}] = [\n")
    for v in leaves:
        fh.write(f"    {rust_f32(v)},\n")
    fh.write("];\n")


def write_checks(fh, doc, name, width, rows):
    """A test-only table of feature vectors and the log-odds the trainer gave them, which the
    engine's unit tests score again."""
    fh.write(f"\n/// {doc}\n")
    fh.write("#[cfg(test)]\n")
    fh.write(f"pub(super) const {name}: &[([f32; {width}], f32)] = &[\n")
    for x, z in rows:
        fh.write("    ([" + ", ".join(rust_f32(float(v)) for v in x) + f"], {rust_f32(z)}),\n")
    fh.write("];\n")


def write_weights(path, first, second, below, pages):
    checks, stacked_checks = [], []
    n = own_features(pages[0]).shape[1]
    for p in pages[:3]:
        if len(p["rows"]):
            x = own_features(p)[len(p["rows"]) // 2]
            checks.append((x, float(first.decision_function(x[None, :])[0])))
    # The second stage's checks read the shipped first stage's log-odds, as the engine
    # does; a page of a few blocks also checks the engine's stacked features.
    page = next(p for p in pages if 8 <= len(p["rows"]) <= 16)
    z1 = first.decision_function(own_features(page))
    X2 = stage2_features(page, z1)
    for i in (0, len(page["rows"]) // 2, len(page["rows"]) - 1):
        stacked_checks.append((X2[i], float(second.decision_function(X2[i][None, :])[0])))
    with open(path, "w") as fh:
        fh.write("//! Weights of [`super::block_model`], written by `scripts/train-blocks.py` (run by\n"
                 "//! `scripts/train-blocks.sh`) from ../shared/articles/dev + more: do not edit.\n"
                 "// Generated numbers: a feature value of ln 2 is data, not the constant.\n"
                 "#![allow(clippy::approx_constant)]\n\n")
        write_trees(fh, "TREE_", "The first stage", first)
        write_trees(fh, "STACKED_", "The second stage (the block's features, then its stacked features)", second)
        fh.write(f"/// A block the text-shape judgement kept is dropped when its log-odds are below this.\n")
        fh.write(f"pub(super) const DROP_BELOW: f32 = {rust_f32(DROP)};\n")
        fh.write(f"/// A block it left out is added when its log-odds are above this.\n")
        fh.write(f"pub(super) const ADD_ABOVE: f32 = {rust_f32(ADD)};\n")
        fh.write("/// A judged body of fewer words gives way to the shape-only reading when that holds\n"
                 "/// three times more (`readable_text_of`).\n")
        fh.write(f"pub(super) const PLAIN_BELOW: usize = {below};\n")
        write_checks(fh, "Feature vectors of a few training blocks and the log-odds the trainer gave them.",
                     "CHECKS", "super::block_model::FEATURES", checks)
        write_checks(fh, "The same for the second stage: a block's features and stacked features, its log-odds.",
                     "STACKED_CHECKS", "super::block_model::FEATURES + super::block_model::STACKED",
                     stacked_checks)
        fh.write("\n/// A training page's first-stage log-odds, first judgement and words, for the test that\n"
                 "/// the engine's stacked features are the trainer's (`STACKED_PAGE_FEATURES`, row by row).\n")
        fh.write("#[cfg(test)]\n")
        Xp = own_features(page)
        fh.write(f"pub(super) const STACKED_PAGE: [(f32, bool, usize); {len(z1)}] = [\n")
        for zi, pk, w in zip(z1, Xp[:, 1] > 0.5, np.round(np.exp(Xp[:, 2]) - 1)):
            fh.write(f"    ({rust_f32(float(zi))}, {'true' if pk else 'false'}, {int(w)}),\n")
        fh.write("];\n#[cfg(test)]\n")
        fh.write(f"pub(super) const STACKED_PAGE_FEATURES: [[f32; super::block_model::STACKED]; {len(z1)}] = [\n")
        for row in X2[:, n:]:
            fh.write("    [" + ", ".join(rust_f32(float(v)) for v in row) + "],\n")
        fh.write("];\n")


if __name__ == "__main__":
    main()
