#!/usr/bin/env python3
"""Site-grouped cross-validation figures for article extraction.

usage: article-cv.py PRED_DIR [--folds 5] [--per-page]

PRED_DIR holds html/, page/ and paste/ (from `examples/article_eval.rs` run on
../shared/articles/dev, ../shared/articles/more and ../shared/articles/more/other).
Pages are grouped by site (manifest.jsonl's `group` for articles/more; the host of the
canonical or og:url link for articles/dev) and the sites dealt into folds by a hash of
their name, so every page of a site is in one fold. A hand-set extractor needs no
training: its CV figure is the mean of its per-fold scores over dev+more. A learnt one
is trained on the other folds (scripts/train-blocks.sh) before its predictions here.
Prints, per way of reading (HTML, copied text, copied text + HTML): dev, more, the CV
mean and spread over folds, and other/. Scored like ../shared/eval/article_score.py.
"""
import hashlib, json, os, re, statistics, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
sys.path.insert(0, os.path.join(SHARED, "eval"))
import article_score  # noqa: E402

DEV = os.path.join(SHARED, "articles", "dev")
MORE = os.path.join(SHARED, "articles", "more")
OTHER = os.path.join(MORE, "other")
URL = re.compile(r'(?:rel="canonical"[^>]*href|property="og:url"[^>]*content|href)="(https?://[^"]+)"', re.I)


def host(url):
    h = re.sub(r"^https?://", "", url).split("/")[0].lower()
    h = re.sub(r"^www\d?\.", "", h)
    return ".".join(h.split(".")[-2:]) if not re.search(r"\.(co|com|org|net)\.\w\w$", h) else ".".join(h.split(".")[-3:])


def dev_site(name):
    html = open(os.path.join(DEV, name + ".html"), encoding="utf-8", errors="replace").read()
    for pat in (r'<link[^>]*rel="canonical"[^>]*href="([^"]+)"', r'<meta[^>]*property="og:url"[^>]*content="([^"]+)"',
                r'<link[^>]*href="([^"]+)"[^>]*rel="canonical"'):
        m = re.search(pat, html, re.I)
        if m and m.group(1).startswith("http"):
            return host(m.group(1))
    return "dev:" + name


def pages():
    """(source, name, gold dir, site) of every page."""
    out = []
    for f in sorted(os.listdir(DEV)):
        if f.endswith(".body.txt"):
            n = f[: -len(".body.txt")]
            out.append(("dev", n, DEV, dev_site(n)))
    lines = [l for d in (MORE, OTHER) for l in open(os.path.join(d, "manifest.jsonl"))]
    for line in lines:
        m = json.loads(line)
        other = m["page_type"] not in ("article", "blog")
        out.append(("other" if other else "more", m["name"], OTHER if other else MORE, m.get("group") or m["domain"]))
    return out


def fold_of(site, folds):
    return int(hashlib.sha1(site.encode()).hexdigest(), 16) % folds


def row(gold_dir, name, pred_dir):
    gold = open(os.path.join(gold_dir, name + ".body.txt"), encoding="utf-8").read()
    p = os.path.join(pred_dir, name + ".txt")
    pred = open(p, encoding="utf-8").read() if os.path.exists(p) else ""
    return article_score.tp_fp_fn(gold, pred)


def main():
    args = sys.argv[1:]
    folds = int(args[args.index("--folds") + 1]) if "--folds" in args else 5
    pred = args[0]
    all_pages = pages()
    if "--sites" in args:
        for src, n, _, site in all_pages:
            print(src, n, site, fold_of(site, folds))
        return
    print(f"{'':12} {'dev':>6} {'more':>6} {'CV mean':>8} {'(min-max)':>13} {'other/':>6}   (F1; CV: {folds} site-grouped folds over dev+more)")
    for mode, label in (("html", "HTML"), ("html-cv", "HTML, CV"), ("page", "copied text"), ("paste", "text + HTML")):
        d = os.path.join(pred, mode)
        if not os.path.isdir(d):
            continue
        rows = {(src, n): row(g, n, d) for src, n, g, _ in all_pages}
        by = lambda keep: article_score.prf([rows[(s, n)] for s, n, _, site in all_pages if keep(s, site)])[2]
        per_fold = [by(lambda s, site, k=k: s != "other" and fold_of(site, folds) == k) for k in range(folds)]
        print(f"{label:12} {by(lambda s, _: s == 'dev'):6.3f} {by(lambda s, _: s == 'more'):6.3f} "
              f"{statistics.mean(per_fold):8.3f} {min(per_fold):6.3f}-{max(per_fold):.3f} {by(lambda s, _: s == 'other'):6.3f}")
        if "--per-page" in args:
            with open(os.path.join(pred, f"per-page-{mode}.tsv"), "w") as out:
                for (s, n), (tp, fp, fn) in sorted(rows.items()):
                    f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
                    out.write(f"{s}\t{n}\t{tp:.3f}\t{fp:.3f}\t{fn:.3f}\t{f1:.3f}\n")


if __name__ == "__main__":
    main()
