"""Issue 19, claims9: second-stage experiments over the claim trainer's held-out logits.

    cargo run --profile release-native --example train_claims -- \
        --own tests/gold/claims-own --seed 0 --dump claims-dump.tsv
    python3 scripts/claims-stage2.py claims-dump.tsv [a1 a4 t1 c1 ...]

Needs numpy and scikit-learn (a venv outside the repository). Each experiment is a
second model over the first one's logit z (the shipped model's, held out by the
trainer's 19 grouped folds) and context the engine could compute, itself cross-validated
over the same folds (trained on the other folds' held-out rows, sources weighed 1,1,2,2,
classes balanced); the own set (source `own`, the first model trained on everything) is
scored by the second model trained on every fold. Prints MAP/P@10 of CLEF-2019, MAP of
CLEF-2020, MAP/P@3 of news-dev and of the own set, ranked as the trainer ranks
(sigmoid(z) x furniture factor, ties in text order). None paid (docs/accuracy.md, claims9;
m1, a small MLP, claims10).
"""
import sys, numpy as np, csv
from collections import defaultdict
from sklearn.linear_model import LogisticRegression
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.neural_network import MLPClassifier
import warnings
warnings.filterwarnings('ignore')

def load(path):
    rows = list(csv.reader(open(path), delimiter='\t'))
    head = rows[0]; rows = rows[1:]
    src = np.array([r[0] for r in rows]); doc = np.array([r[0] + ':' + r[1] for r in rows])
    fold = np.array([int(r[2]) for r in rows]); idx = np.array([int(r[3]) for r in rows])
    y = np.array([int(r[4]) for r in rows]); fac = np.array([float(r[6]) for r in rows])
    z = np.array([float(r[7]) for r in rows]); X = np.array([[float(v) for v in r[8:]] for r in rows])
    return head[8:], src, doc, fold, idx, y, fac, z, X

def sig(z): return 1 / (1 + np.exp(-z))

def ap_pk(scores, labels, k):
    order = sorted(range(len(labels)), key=lambda i: (-scores[i], i))
    hits = 0; tot = 0.0
    for r, i in enumerate(order):
        if labels[i]: hits += 1; tot += hits / (r + 1)
    if hits == 0: return None
    return tot / hits, sum(labels[i] for i in order[:k]) / k

def figures(src, doc, y, score):
    out = {}
    for s, k in [('clef2019', 10), ('clef2020', 10), ('news', 3), ('own', 3)]:
        aps = []; pks = []
        sel = np.where(src == s)[0]
        groups = defaultdict(list)
        for i in sel: groups[doc[i]].append(i)
        for d, m in groups.items():
            m = np.array(m)
            r = ap_pk(score[m], y[m], k)
            if r: aps.append(r[0]); pks.append(r[1])
        out[s] = (np.mean(aps), np.mean(pks))
    return out

def show(name, f):
    print(f"{name:38s} C19 {f['clef2019'][0]:.3f}/{f['clef2019'][1]:.3f}  C20 {f['clef2020'][0]:.3f}  "
          f"news {f['news'][0]:.3f}/{f['news'][1]:.3f}  own {f['own'][0]:.3f}/{f['own'][1]:.3f}", flush=True)

def context(names, src, doc, idx, z, X):
    """Per-document context of each unit: z relative to its document, its neighbours,
    the document's shares of named features; and the unit's place."""
    n = len(z); C = {}
    zs = np.zeros(n); rk = np.zeros(n); mean = np.zeros(n); sd = np.zeros(n)
    prev = np.zeros(n); nxt = np.zeros(n); place = np.zeros(n); first = np.zeros(n)
    share = np.zeros_like(X); size = np.zeros(n)
    groups = defaultdict(list)
    for i, d in enumerate(doc): groups[d].append(i)
    for d, m in groups.items():
        m = np.array(m); m = m[np.argsort(idx[m])]
        zz = z[m]; mu = zz.mean(); s = zz.std() + 1e-6
        zs[m] = (zz - mu) / s; mean[m] = mu; sd[m] = s
        rk[m] = np.argsort(np.argsort(-zz)) / max(len(m) - 1, 1)
        prev[m] = np.r_[mu, zz[:-1]] - mu; nxt[m] = np.r_[zz[1:], mu] - mu
        place[m] = np.arange(len(m)) / max(len(m) - 1, 1); first[m] = (np.arange(len(m)) < 3)
        sh = (X[m] != 0).mean(0); share[m] = sh; size[m] = np.log(len(m))
    return dict(zs=zs, rk=rk, mean=mean, sd=sd, prev=prev, nxt=nxt, place=place, first=first,
                share=share, size=size)

W = {'clef2019': 1, 'clef2020': 1, 'claimbuster': 2, 'news': 2}

def sample_weights(src, y, wnews=None):
    w = np.zeros(len(y))
    for s, ws in W.items():
        if wnews is not None and s == 'news': ws = wnews
        for c in (0, 1):
            m = (src == s) & (y == c)
            if m.sum(): w[m] = ws * 0.5 / m.sum()
    return w * len(y) / w.sum()

def stage2(F, src, fold, y, make, train_mask=None, wnews=None):
    """Out-of-fold stage-2 scores (own rows: trained on every fold)."""
    out = np.zeros(len(y))
    tr_all = src != 'own' if train_mask is None else (src != 'own') & train_mask
    w = sample_weights(src, y, wnews)
    for k in sorted(set(fold)):
        te = fold == k
        tr = tr_all & (fold != k) & (fold != 99)
        model = make(); model.fit(F[tr], y[tr], sample_weight=w[tr])
        out[te] = model.decision_function(F[te]) if hasattr(model, 'decision_function') else \
            np.log(np.clip(model.predict_proba(F[te])[:, 1], 1e-9, 1)) - np.log(np.clip(model.predict_proba(F[te])[:, 0], 1e-9, 1))
    return out

def pairwise(src, doc, fold, y, fac, z, X, which):
    """(c) A within-article pairwise (RankNet-like) stage over z and the named features:
    logistic loss on the difference of a check-worthy sentence and another of its
    article (both ways round, no intercept)."""
    F = np.column_stack([z, X])
    groups = defaultdict(list)
    for i, d in enumerate(doc): groups[d].append(i)
    rng = np.random.default_rng(0)

    def pairs(sources, mask, per_pos=None):
        a, b = [], []
        for d, m in groups.items():
            if src[m[0]] not in sources or not mask[m[0]]: continue
            pos = [i for i in m if y[i]]; neg = [i for i in m if not y[i]]
            if not pos or not neg: continue
            for i in pos:
                js = neg if per_pos is None or len(neg) <= per_pos else rng.choice(neg, per_pos, replace=False)
                for j in js: a.append(i); b.append(j)
        D = F[a] - F[b]
        # each pair both ways, so no intercept is needed
        return np.vstack([D, -D]), np.r_[np.ones(len(a)), np.zeros(len(a))]

    for name, sources, per_pos, C in [('c1 news pairs, all', {'news'}, None, 0.1),
                                      ('c2 news pairs, all, C 1', {'news'}, None, 1.0),
                                      ('c3 news + debates pairs (20/pos)', {'news', 'clef2019', 'clef2020'}, 20, 0.1)]:
        if which != ['all'] and name.split()[0] not in which: continue
        out = np.zeros(len(y))
        for k in sorted(set(fold)):
            te = fold == k
            Xp, yp = pairs(sources, (fold != k) & (fold != 99) & (src != 'own'), per_pos)
            m = LogisticRegression(C=C, max_iter=3000, fit_intercept=False).fit(Xp, yp)
            out[te] = F[te] @ m.coef_[0]
        show(name, figures(src, doc, y, sig(out) * fac))


if __name__ == '__main__':
    names, src, doc, fold, idx, y, fac, z, X = load(sys.argv[1])
    which = sys.argv[2:] or ['all']
    show('stage 1 (the trainer)', figures(src, doc, y, sig(z) * fac))
    c = context(names, src, doc, idx, z, X)
    lr = lambda C=1.0: (lambda: LogisticRegression(C=C, max_iter=2000))
    def run(name, F, make, **kw):
        if which != ['all'] and name.split()[0] not in which: return
        s = stage2(F, src, fold, y, make, **kw); show(name, figures(src, doc, y, sig(s) * fac))
    col = lambda *a: np.column_stack(a)
    # (a) the score relative to its article: monotone within an article unless it meets
    # an article-level quantity.
    run('a1 z, z-score, rank in doc', col(z, c['zs'], c['rk']), lr())
    run('a2 + doc mean/sd, z*sd', col(z, c['zs'], c['rk'], c['mean'], c['sd'], z * c['sd']), lr())
    num = [names.index(n) for n in ('number', 'figure-unit') if n in names]
    numshare = c['share'][:, num].max(1)
    run('a3 + numeric share x (z, number)', col(z, c['zs'], c['rk'], numshare, z * numshare,
        X[:, num].max(1) * numshare, X[:, num].max(1) * (1 - numshare)), lr())
    run('a4 + neighbours', col(z, c['zs'], c['prev'], c['nxt']), lr())
    run('a5 named x (1-share) (doc-rel on top)', np.column_stack([z, (X != 0) * (1 - c['share'])]), lr(0.1))
    # (b) a news head: stage 2 on the news rows only, over z and the named features.
    run('b1 news head z + named (C .1)', np.column_stack([z, X]), lr(0.1), train_mask=(src == 'news'))
    run('b2 news head z + named (C .01)', np.column_stack([z, X]), lr(0.01), train_mask=(src == 'news'))
    run('b3 all-source z + named (C .1)', np.column_stack([z, X]), lr(0.1))
    # (d) place in the document
    run('d1 z + place, first three', col(z, c['place'], c['first'], c['first'] * (src == 'news')), lr())
    # non-linear: trees over z, named, context
    # (c) a within-article pairwise stage
    if which == ['all'] or any(w.startswith('c') for w in which):
        pairwise(src, doc, fold, y, fac, z, X, which)
    gb = lambda: HistGradientBoostingClassifier(max_depth=3, max_iter=100, learning_rate=0.05, l2_regularization=1.0)
    run('t1 trees z + named', np.column_stack([z, X]), gb)
    run('t2 trees z + named + context', np.column_stack([z, X, c['zs'], c['rk'], c['prev'], c['nxt'], numshare, c['size']]), gb)
    run('t3 trees news only z + named', np.column_stack([z, X]), gb, train_mask=(src == 'news'))
    # claims10: a small MLP over z and the named features (one hidden layer of 16, L2 0.1).
    mlp = lambda: MLPClassifier((16,), alpha=0.1, max_iter=60, random_state=0)
    run('m1 mlp z + named', np.column_stack([z / 4, X]), mlp)
