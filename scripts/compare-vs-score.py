#!/usr/bin/env python3
"""Cross-check `quotelens compare` against ../shared/eval/score.py: gold direct quotes
written as a quotelens/1 document A (single-fragment sources and cues), the engine's
output as B; A's quotes found in B, speaker and cue agreement must equal score.py's
(its precision counts B's quotes within any gold attribution, so it is not compared).

usage: compare-vs-score.py QUOTELENS GOLD_DIR PRED_DIR WORK_DIR SCORE_PY
  e.g. quotelens annotate --out target/pred ../shared/polnear/dev/*.txt, then
  scripts/compare-vs-score.py target/release/quotelens ../shared/polnear/dev target/pred target/compare-work ../shared/eval/score.py
"""
import glob, json, os, shutil, subprocess, sys
QL = sys.argv[1]; GOLD = sys.argv[2]; PRED = sys.argv[3]; OUT = sys.argv[4]
gd = os.path.join(OUT, "gold"); ad = os.path.join(OUT, "a")
for d in (gd, ad):
    shutil.rmtree(d, ignore_errors=True); os.makedirs(d)
tot = {"found3": 0, "found8": 0, "spk_agree": 0, "spk_of": 0, "cue_agree": 0, "cue_of": 0, "cue_exact": 0, "in_a": 0}
for g in sorted(glob.glob(os.path.join(GOLD, "*.gold.json"))):
    name = os.path.basename(g)[:-len(".gold.json")]
    gold = json.load(open(g, encoding="utf-8")); text = gold["text"]
    # Keep what quotelens/1 can say exactly: direct quotes, one-fragment source and cue.
    keep = [a for a in gold["attributions"] if a["form"] == "direct"
            and len(a.get("source") or [[0, 0]]) == 1 and len(a.get("cue") or [[0, 0]]) == 1 and a.get("source")]
    gold["attributions"] = keep
    json.dump(gold, open(os.path.join(gd, name + ".gold.json"), "w"))
    shutil.copy(os.path.join(GOLD, name + ".txt"), gd)
    anns = []
    for i, a in enumerate(keep):
        s, e = a["source"][0]
        m = {"id": f"a{i}", "kind": "attribution", "start": s, "end": e, "text": text[s:e]}
        if a.get("cue"):
            cs, ce = a["cue"][0]
            m["cue"] = {"start": cs, "end": ce, "text": text[cs:ce]}
        anns.append(m)
        for j, (s, e) in enumerate(a["content"]):
            anns.append({"id": f"q{i}_{j}", "kind": "quote", "start": s, "end": e, "text": text[s:e], "attribution": f"a{i}"})
    apath = os.path.join(ad, name + ".json")
    json.dump({"format": "quotelens/1", "text": text, "annotations": anns}, open(apath, "w"), ensure_ascii=False)
    out = subprocess.run([QL, "compare", "--json", apath, os.path.join(PRED, name + ".json")], capture_output=True, text=True, check=True)
    f = json.loads(out.stdout)["figures"]
    tot["in_a"] += f["quotes@0.3"]["in_a"]
    tot["found3"] += f["quotes@0.3"]["found"]; tot["found8"] += f["quotes@0.8"]["found"]
    tot["spk_agree"] += f["speaker_match"]["agree"]; tot["spk_of"] += f["speaker_match"]["of"]
    tot["cue_agree"] += f["cue_overlap"]["agree"]; tot["cue_of"] += f["cue_overlap"]["of"]; tot["cue_exact"] += f["cue_exact"]["agree"]
score = json.loads(subprocess.run([sys.executable, sys.argv[5], gd, PRED, "--json"], capture_output=True, text=True, check=True).stdout)
print("quotelens compare:", tot)
r3 = tot["found3"] / tot["in_a"]; r8 = tot["found8"] / tot["in_a"]
print(f"recall@0.3 {r3:.4f} vs score.py {score['direct@0.3']['r']:.4f}; recall@0.8 {r8:.4f} vs {score['direct@0.8']['r']:.4f}")
print(f"speaker {tot['spk_agree']/tot['spk_of']:.4f} vs {score['speaker_match']:.4f}; cue {tot['cue_agree']/tot['cue_of']:.4f} vs {score['cue_overlap']:.4f}; cue exact {tot['cue_exact']/tot['cue_of']:.4f} vs {score['cue_exact']:.4f}")
print("gold direct", score["gold_direct"], "in_a", tot["in_a"])
