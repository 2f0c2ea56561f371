#!/usr/bin/env python3
"""Dump the engine's attribution errors on a PolNeAR split, for error analysis.

usage: polnear-errors.py GOLD_DIR PRED_DIR [speaker|cue|qfp|fp|fn|all] [--limit N]

Matches exactly as ../shared/eval/score.py does (imported from there), then prints
one block per error:
- speaker: a found direct quote whose predicted speaker misses the gold source;
- cue: a found direct quote whose predicted cue misses the gold cue;
- qfp: a predicted quote group (attributed or not) in no gold content (quote precision);
- fp: a predicted attributed quote/claim group that lies in no gold content (precision);
- fn: a gold attribution (any form) that no attributed prediction covers (recall).
Each block shows the file, the gold and predicted spans and the sentence around them.
"""
import glob, json, os, sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "eval"))
import score  # noqa: E402


def frag_text(text, frags):
    return " | ".join(text[s:e] for s, e in frags)


def context(text, s, e, pad=120):
    a, b = max(0, s - pad), min(len(text), e + pad)
    return (text[a:s] + "[[" + text[s:e] + "]]" + text[e:b]).replace("\n", " / ")


def main():
    gold_dir, pred_dir = sys.argv[1], sys.argv[2]
    want = sys.argv[3] if len(sys.argv) > 3 and not sys.argv[3].startswith("--") else "all"
    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else 10**9
    shown = 0
    for gpath in sorted(glob.glob(os.path.join(gold_dir, "*.gold.json"))):
        gold = json.load(open(gpath, encoding="utf-8"))
        text = gold["text"]
        name = os.path.basename(gpath)[: -len(".gold.json")]
        anns, by_id = score.load_pred(os.path.join(pred_dir, name + ".json"), text)
        gq = [a for a in gold["attributions"] if a["form"] == "direct"]
        gsets = [score.chars(text, a["content"]) for a in gq]
        psets, plinks = score.groups_of(anns, {"quote"}, text)
        out = []
        for gi, pi in score.match(gsets, psets, 0.3):
            g, link = gq[gi], plinks[pi]
            attr = by_id.get(link) if link else None
            if want in ("speaker", "all") and g.get("source"):
                ok = attr and score.chars(text, g["source"]) & score.chars(text, [[attr["start"], attr["end"]]])
                if not ok:
                    s0 = min(f[0] for f in g["content"] + g["source"])
                    e0 = max(f[1] for f in g["content"] + g["source"])
                    out.append(
                        f"SPEAKER gold={frag_text(text, g['source'])!r} pred={(attr or {}).get('text')!r}"
                        f" cue={((attr or {}).get('cue') or {}).get('text')!r}\n  {context(text, s0, e0, 60)}"
                    )
            if want in ("cue", "all") and g.get("cue"):
                cue = (attr or {}).get("cue") or {}
                gc = set(range(g["cue"][0][0], g["cue"][-1][1]))
                if not ("start" in cue and gc & set(range(cue["start"], cue["end"]))):
                    s0 = min(f[0] for f in g["content"] + g["cue"])
                    e0 = max(f[1] for f in g["content"] + g["cue"])
                    out.append(
                        f"CUE gold={frag_text(text, g['cue'])!r} pred={cue.get('text')!r}"
                        f" speaker={(attr or {}).get('text')!r}\n  {context(text, s0, e0, 60)}"
                    )
        every = [score.chars(text, a["content"]) for a in gold["attributions"]]
        if want in ("qfp", "all"):
            for p, link in zip(psets, plinks):
                if p and not any(len(g & p) / len(p) > 0.3 for g in every):
                    lo, hi = min(p), max(p) + 1
                    at = by_id.get(link, {}) if link else {}
                    out.append(f"QFP speaker={at.get('text')!r}\n  {context(text, lo, hi, 80)}")
        if want in ("fp", "fn", "all"):
            # The attributed groups, with the annotations that make them.
            groups = {}
            for a in anns:
                if a.get("kind") in ("quote", "claim") and a.get("attribution"):
                    groups.setdefault(a["attribution"], []).append(a)
            keys = list(groups)
            sets = [set().union(*(score.chars(text, [[a["start"], a["end"]]]) for a in groups[k])) for k in keys]
            if want in ("fp", "all"):
                for k, p in zip(keys, sets):
                    if p and not any(len(g & p) / len(p) > 0.3 for g in every):
                        at = by_id.get(k, {})
                        kinds = "+".join(sorted({a["kind"] for a in groups[k]}))
                        a0 = groups[k][0]
                        out.append(
                            f"FP {kinds} speaker={at.get('text')!r} cue={(at.get('cue') or {}).get('text')!r}"
                            f"\n  {context(text, a0['start'], a0['end'], 80)}"
                        )
            if want in ("fn", "all"):
                matched = {gi for gi, _ in score.match(every, sets, 0.3)}
                for gi, g in enumerate(gold["attributions"]):
                    if gi in matched or not every[gi]:
                        continue
                    s0 = min(f[0] for f in g["content"])
                    e0 = max(f[1] for f in g["content"])
                    out.append(
                        f"FN {g['form']} source={frag_text(text, g['source'] or [])!r} cue={frag_text(text, g['cue'])!r}"
                        f"\n  {context(text, s0, e0, 80)}"
                    )
        for line in out:
            if shown >= limit:
                return
            print(f"{name}: {line}")
            shown += 1


if __name__ == "__main__":
    main()
