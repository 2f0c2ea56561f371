#!/usr/bin/env python3
"""Experiment (round pages12, not shipped): the article's end and start learnt as a
decision over the cut points of the kept blocks, after the block model.

usage: article-cuts.py ROWS.jsonl CACHE.pkl [--k 5] [--classify] [--max-share 0.25]
                       [--no-end] [--no-start]

ROWS.jsonl: as scripts/train-blocks.sh makes it (examples/article_blocks). Run with the
venv of train-blocks.sh. Figures and findings: docs/accuracy.md, "Round pages12".

Runs scripts/train-blocks.py's site CV once (cached in CACHE.pkl: every page's
out-of-fold block log-odds, the mean of the two stages, and its fold's fallback
threshold), then for the last K kept blocks (and the first K) of each page scores
"cut here" (drop the kept blocks from there to the end, or from the start to there)
with a small regression of boosted trees over features of the cut, whose target is the
page's change in precision + recall by that cut; the cut with the highest predicted gain
is made when that gain is above MARGIN. The cut model is trained with the same folds by
site, on the out-of-fold block scores (each page's log-odds come from block models
trained without its site's fold; a caveat: those models saw the cut model's test fold,
so the figures are a little optimistic). Prints per-fold F1 before -> after, P and R,
dev, and what was cut.
"""
import importlib.util, os, pickle, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("train_blocks", os.path.join(HERE, "train-blocks.py"))
tb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tb)
article_score = tb.article_score

HEADING, H456, LI, SHORT = 30, 31, 32, 35
MARKS = {"comment": 36, "related": 38, "more": 65, "teaser": 67, "card": 68, "recommend": 70, "read": 71, "link": 72}


def oof_scores(pages):
    """Every dev+more page's out-of-fold log-odds (p["z"]) and fallback threshold (p["below"]),
    as train-blocks.py's main computes them."""
    train_pages = [p for p in pages if p["src"] != "other"]
    z1 = tb.first_stages(pages, train_pages)
    for k in range(5):
        fold_train = [p for p in train_pages if p["fold"] != k]
        for p in fold_train:
            p["z1"] = z1[frozenset((p["fold"], k))][p["name"]]
        predicted = [p for p in train_pages if p["fold"] == k]
        for p in predicted:
            p["z1"] = z1[frozenset([k])][p["name"]]
        _, below, f = tb.second_stage(fold_train, fold_train + predicted)
        for p in predicted:
            p["oof_z"], p["below"] = p["z"].copy(), below
        print(f"fold {k}: below {below}", file=sys.stderr, flush=True)
    return {p["name"]: (p["oof_z"], p["below"]) for p in train_pages}


def kept_mask(p, z):
    return np.array([(zi >= tb.DROP) if r["first"] is not None else (zi > tb.ADD) for r, zi in zip(p["rows"], z)], dtype=bool)


def page_pr(p, z):
    p["z"] = z
    tp, fp, fn = tb.tp_fp_fn(p["gold_counts"], tb.predict(p, plain_below=p["below"]))
    return tp, fp, fn


def pr_of(tp, fp, fn):
    prec = 1.0 if fp == fn == 0 else (tp / (tp + fp) if tp + fp else 0.0)
    rec = 1.0 if fp == fn == 0 else (tp / (tp + fn) if tp + fn else 0.0)
    return prec, rec


def cut_features(p, z, kept_idx, t, end):
    """Features of cutting the kept blocks at kept position t: the end cut drops
    kept_idx[t:], the start cut drops kept_idx[:t]."""
    X = tb.own_features(p)
    words = np.round(np.exp(X[:, 2]) - 1)
    zc = np.clip(z, -8, 8)
    dropped = kept_idx[t:] if end else kept_idx[:t]
    stays = kept_idx[:t] if end else kept_idx[t:]
    wd, ws = words[dropped].sum(), words[stays].sum()
    total = max(wd + ws, 1.0)
    at = dropped[0] if end else dropped[-1]           # the dropped block next to the cut
    near = stays[-1] if end else stays[0]             # the kept block on the other side
    top = kept_idx[np.argmax(zc[kept_idx])]
    link_d = (X[dropped, 3] * words[dropped]).sum() / max(wd, 1.0)
    near3 = stays[-3:] if end else stays[:3]
    return [
        np.log1p(wd), wd / total, len(dropped), len(stays),
        zc[dropped].mean(), zc[dropped].max(), zc[dropped].min(), zc[stays].mean(), zc[near3].mean(),
        link_d, (X[stays, 3] * words[stays]).sum() / max(ws, 1.0),
        zc[at], np.log1p(words[at]), X[at, HEADING], X[at, H456], X[at, SHORT], X[at, LI], X[at, 4],
        abs(at - near) - 1, abs(at - top), np.log1p(words[min(at, top):max(at, top) + 1][kept_mask(p, z)[min(at, top):max(at, top) + 1]].sum()),
        X[dropped][:, [v for v in MARKS.values()]].max(axis=0).sum(), X[dropped, MARKS["comment"]].max(), X[dropped, 32].mean(),
        zc[near], float(end),
    ]


def candidates(p, z, k):
    """(features, P+R gain, z after the cut) of each candidate cut of page p."""
    kept = kept_mask(p, z)
    kept_idx = np.flatnonzero(kept)
    if len(kept_idx) < 2:
        return []
    base = pr_of(*page_pr(p, z))
    out = []
    for end in (True, False):
        ts = range(max(1, len(kept_idx) - k), len(kept_idx)) if end else range(1, min(k, len(kept_idx) - 1) + 1)
        for t in ts:
            zz = z.copy()
            zz[kept_idx[t:] if end else kept_idx[:t]] = -100.0
            pr = pr_of(*page_pr(p, zz))
            out.append((cut_features(p, z, kept_idx, t, end), pr[0] + pr[1] - base[0] - base[1], zz, end))
    p["z"] = z
    return out


CLASSIFY = "--classify" in sys.argv
MAX_SHARE = float(sys.argv[sys.argv.index("--max-share") + 1]) if "--max-share" in sys.argv else 1.0
SIDES = {True: "--no-end" not in sys.argv, False: "--no-start" not in sys.argv}


def main():
    args = sys.argv[1:]
    rows, cache = args[0], args[1]
    k = int(args[args.index("--k") + 1]) if "--k" in args else 5
    margins = [0.0, 0.1, 0.2, 0.3, 0.4] if CLASSIFY else [0.0, 0.01, 0.02, 0.04]
    pages = tb.load(rows)
    pages = [p for p in pages if p["src"] != "other"]
    if os.path.exists(cache):
        oof = pickle.load(open(cache, "rb"))
    else:
        oof = oof_scores(pages)
        pickle.dump(oof, open(cache, "wb"))
    for p in pages:
        p["oof_z"], p["below"] = oof[p["name"]]
    cands = {p["name"]: candidates(p, p["oof_z"], k) for p in pages if len(p["rows"])}
    from sklearn.ensemble import HistGradientBoostingRegressor
    results = {m: {} for m in margins}
    base_rows = {}
    for p in pages:
        base_rows[p["name"]] = page_pr(p, p["oof_z"]) if len(p["rows"]) else tb.tp_fp_fn(p["gold_counts"], p["plain"])
    for fold in range(5):
        train = [c for p in pages if p["fold"] != fold for c in cands.get(p["name"], [])]
        X = np.array([c[0] for c in train])
        y = np.array([c[1] for c in train])
        if CLASSIFY:
            # Cost-sensitive: "the cut helps", each candidate weighing its gain or loss.
            from sklearn.ensemble import HistGradientBoostingClassifier
            model = HistGradientBoostingClassifier(max_iter=100, learning_rate=0.05, max_depth=3, min_samples_leaf=50,
                                                   l2_regularization=1.0, random_state=0)
            keep = np.abs(y) > 1e-9
            model.fit(X[keep], y[keep] > 0, sample_weight=np.abs(y[keep]) / np.abs(y[keep]).mean())
            model.predict = lambda A, m=model: m.predict_proba(A)[:, 1] - 0.5
        else:
            model = HistGradientBoostingRegressor(max_iter=100, learning_rate=0.05, max_depth=3, min_samples_leaf=50,
                                                  l2_regularization=1.0, random_state=0)
            model.fit(X, y)
        for p in pages:
            if p["fold"] != fold:
                continue
            cs = cands.get(p["name"], [])
            for m in margins:
                z = p["oof_z"]
                if cs:
                    # The best end cut and the best start cut, each when its gain is sure enough.
                    g = model.predict(np.array([c[0] for c in cs]))
                    # A cut never drops more than MAX_SHARE of the kept words.
                    g = np.where(np.array([c[0][1] for c in cs]) <= MAX_SHARE, g, -1.0)
                    z = z.copy()
                    for end in (True, False):
                        idx = [i for i, c in enumerate(cs) if c[3] == end and SIDES[end]]
                        if idx:
                            best = max(idx, key=lambda i: g[i])
                            if g[best] > m:
                                z = np.minimum(z, cs[best][2])
                    results[m][p["name"]] = page_pr(p, z) if len(p["rows"]) else base_rows[p["name"]]
                else:
                    results[m][p["name"]] = base_rows[p["name"]]
    # The oracle: the best end cut and the best start cut of each page, by the gold.
    oracle = {}
    for p in pages:
        cs = cands.get(p["name"], [])
        z = p["oof_z"].copy()
        for end in (True, False):
            sel = [c for c in cs if c[3] == end and c[1] > 0]
            if sel:
                z = np.minimum(z, max(sel, key=lambda c: c[1])[2])
        oracle[p["name"]] = page_pr(p, z) if cs else base_rows[p["name"]]
    results["oracle"] = oracle
    report(pages, base_rows, results)


def report(pages, base_rows, results):
    def f(rows, keep):
        return article_score.prf([rows[p["name"]] for p in pages if keep(p)])
    folds = lambda rows: [f(rows, lambda p, k=k: p["fold"] == k)[2] for k in range(5)]
    b = folds(base_rows)
    print(f"before: CV {np.mean(b):.4f} per fold {' '.join(f'{x:.4f}' for x in b)}  all P/R/F {tuple(round(x, 4) for x in f(base_rows, lambda p: True))}  dev {f(base_rows, lambda p: p['src'] == 'dev')[2]:.4f}")
    for m, rows in results.items():
        a = folds(rows)
        cut = sum(1 for p in pages if rows[p["name"]] != base_rows[p["name"]])
        print(f"margin {m}: CV {np.mean(a):.4f} per fold {' '.join(f'{x:.4f}' for x in a)}  all P/R/F {tuple(round(x, 4) for x in f(rows, lambda p: True))}  dev {f(rows, lambda p: p['src'] == 'dev')[2]:.4f}  pages changed {cut}")


if __name__ == "__main__":
    main()
