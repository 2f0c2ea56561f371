#!/usr/bin/env python3
"""Train the page-kind model (src/article/page_kind.rs: does a page hold an article?)
and measure it by site-grouped cross-validation.

usage: train-page-kind.py ROWS.jsonl [--miss 0.01] [--write src/article/page_kind_weights.rs]

ROWS.jsonl comes from `examples/article_blocks.rs` (each page's `page` features, with
the block model in use). Article pages: ../shared/articles/dev and more (label 1);
other pages: more/other (forum, product, service, documentation, listing and collection
pages, label 0). An L2-regularised logistic regression, both kinds weighing the same;
the threshold is set on the training folds MARGIN below the least article-like of
their articles (MISS of them may fall below it; refusing an article costs far more than
extracting a product page), then judged on the held-out fold. Folds: sites dealt by scripts/article-cv.py's hash, so
every page of a site is on one side. Needs numpy (scripts/train-blocks.sh's venv).
"""
import importlib.util, json, math, os, sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("article_cv", os.path.join(HERE, "article-cv.py"))
article_cv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(article_cv)

L2 = 1.0
# The share of training articles the threshold may refuse: none (it sits just below
# the least article-like training article).
MISS = 0.0
FOLDS = 5
# How far below that article the threshold sits (log-odds): room for articles unlike
# any in training. 0.5: in site-grouped CV the least with no article refused (0.01: 3
# of 491 refused, 66 of 100 other pages found; 0.5: none, 55; 1: none, 52).
MARGIN = 0.5


def load(rows_path):
    feats = {}
    for line in open(rows_path, encoding="utf-8"):
        p = json.loads(line)
        feats[p["name"]] = p["page"]
    out = []
    for src, name, _, site in article_cv.pages():
        if name in feats:
            out.append(dict(src=src, name=name, site=site, x=np.array(feats[name], dtype=np.float64),
                            y=0.0 if src == "other" else 1.0, fold=article_cv.fold_of(site, FOLDS)))
    return out


def fit(pages):
    X = np.vstack([p["x"] for p in pages])
    y = np.array([p["y"] for p in pages])
    # Both kinds weigh the same in all.
    w = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum()))
    beta = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], L2 / len(pages))
    reg[0] = 0.0
    for _ in range(100):  # Newton steps
        pr = 1 / (1 + np.exp(-(X @ beta)))
        g = X.T @ (w * (pr - y)) + reg * beta
        H = (X * (w * pr * (1 - pr))[:, None]).T @ X + np.diag(reg + 1e-9)
        step = np.linalg.solve(H, g)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta


def threshold(pages, beta):
    """The highest log-odds below which at most MISS of the articles fall."""
    z = sorted(float(p["x"] @ beta) for p in pages if p["y"] == 1)
    k = int(math.floor(MISS * len(z)))
    # Halfway below the (k+1)-th lowest article: k articles at most are refused.
    below = z[k] - MARGIN if k < len(z) else -math.inf
    return below


def main():
    global MISS
    args = sys.argv[1:]
    global MARGIN
    if "--miss" in args:
        MISS = float(args[args.index("--miss") + 1])
    if "--margin" in args:
        MARGIN = float(args[args.index("--margin") + 1])
    pages = load(args[0])
    refused = {}
    for k in range(FOLDS):
        train = [p for p in pages if p["fold"] != k]
        beta = fit(train)
        below = threshold(train, beta)
        for p in pages:
            if p["fold"] == k:
                refused[p["name"]] = float(p["x"] @ beta) < below
    print("site-grouped CV (5 folds): pages answered \"no article found\"")
    for src in ("dev", "more", "other"):
        ps = [p for p in pages if p["src"] == src]
        n = sum(refused[p["name"]] for p in ps)
        print(f"  {src:6} {n:4} of {len(ps):4} ({100 * n / max(1, len(ps)):.1f}%)")
    for p in pages:
        if p["src"] != "other" and refused[p["name"]]:
            print(f"    article refused: {p['name']} ({p['site']})")
    with open(os.path.join(os.path.dirname(os.path.abspath(args[0])), "page-kind-cv.json"), "w") as fh:
        json.dump({n: bool(r) for n, r in refused.items()}, fh)
    if "--write" in args:
        beta = fit(pages)
        below = threshold(pages, beta)
        n = sum(float(p["x"] @ beta) < below for p in pages if p["y"] == 0)
        print(f"all pages: threshold {below:.3f}, other pages refused in training {n}", file=sys.stderr)
        write_weights(args[args.index("--write") + 1], beta, below, pages)


def rust_f32(x):
    if x == -math.inf:
        return "f32::NEG_INFINITY"
    t = str(np.float32(x))
    return t if ("." in t or "e" in t) else t + ".0"


def write_weights(path, beta, below, pages):
    checks = [(p["x"], float(p["x"] @ beta)) for p in (pages[0], pages[len(pages) // 2], pages[-1])]
    n = len(beta)
    with open(path, "w") as fh:
        fh.write("//! Weights of [`super::page_kind`], written by `scripts/train-page-kind.py` (run by\n"
                 "//! `scripts/train-blocks.sh`) from ../shared/articles/dev + more (articles) and\n"
                 "//! more/other (other pages): do not edit.\n"
                 "// Generated numbers: a feature value of ln 2 is data, not the constant.\n"
                 "#![allow(clippy::approx_constant)]\n\n")
        fh.write(f"pub(super) const WEIGHTS: [f32; super::page_kind::PAGE_FEATURES] = [\n")
        for b in beta:
            fh.write(f"    {rust_f32(float(b))},\n")
        fh.write("];\n")
        fh.write(f"/// A page whose log-odds of being an article are below this has none ({MARGIN} below\n"
                 f"/// the least article-like training article; MISS {MISS}).\n")
        fh.write(f"pub(super) const ARTICLE_BELOW: f32 = {rust_f32(below)};\n")
        fh.write("\n/// Feature vectors of a few training pages and the log-odds the trainer gave them.\n")
        fh.write("#[cfg(test)]\n")
        fh.write(f"pub(super) const CHECKS: &[([f32; super::page_kind::PAGE_FEATURES], f32)] = &[\n")
        for x, z in checks:
            fh.write("    ([" + ", ".join(rust_f32(float(v)) for v in x[:n]) + f"], {rust_f32(z)}),\n")
        fh.write("];\n")


if __name__ == "__main__":
    main()
