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
    texts = [p.read_text(encoding="utf-8") for p in SAMPLES] * 150
    done = threading.Event()
    ticks = 0

    def batch():
        started = time.perf_counter()
        quotelens.analyse_many_json(texts, jobs=1)
        batch.seconds = time.perf_counter() - started
        done.set()

    worker = threading.Thread(target=batch)
    worker.start()
    while not done.is_set():
        ticks += 1
    worker.join()
    # Were the GIL held through the call, this thread could not count meanwhile.
    assert batch.seconds > 0.05
    assert ticks > 10_000, (ticks, batch.seconds)


def test_bad_arguments_raise_not_crash():
    import pytest

    with pytest.raises(ValueError):
        quotelens.analyse("text", cues=["# only a comment"])
    with pytest.raises(TypeError):
        quotelens.analyse(None)
    assert quotelens.analyse("")["annotations"] == []


def best_seconds(run, seconds=2.0, passes=5):
    """The fastest of the passes run during at least `seconds` (and `passes` passes), as
    the native throughput example measures: the least disturbed by other work."""
    best, started, done = float("inf"), time.perf_counter(), 0
    while done < passes or time.perf_counter() - started < seconds:
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
        done += 1
    return best


def test_speed_is_at_least_80_percent_of_the_native_engine(throughput, polnear_dev):
    texts = [p.read_text(encoding="utf-8") for p in sorted(polnear_dev.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    quotelens.analyse_many_json(texts[:20], jobs=1)  # warm up
    # Interleaved, best of several passes each: the least disturbed by a busy machine.
    native, json_s, dict_s = [], [], []
    for _ in range(3):
        out = subprocess.run([throughput, str(polnear_dev), "--json"], capture_output=True, check=True)
        _, nbytes, seconds, _ = out.stdout.decode().split()
        assert int(nbytes) == size
        native.append(float(seconds))
        json_s.append(best_seconds(lambda: [quotelens.analyse_json(t) for t in texts]))
        dict_s.append(best_seconds(lambda: [quotelens.analyse(t) for t in texts]))
    mb = size / 1e6
    native_mb, json_mb, dict_mb = mb / min(native), mb / min(json_s), mb / min(dict_s)
    print(
        f"\nnative engine + JSON: {native_mb:.1f} MB/s; Python analyse_json: {json_mb:.1f} MB/s"
        f" ({json_mb / native_mb:.0%}); Python analyse (dicts): {dict_mb:.1f} MB/s"
        f" ({dict_mb / native_mb:.0%})"
    )
    assert json_mb >= 0.8 * native_mb
    # Dicts cost the making of every Python object (about 1.3 microseconds an
    # annotation): 75 to 84% of the native engine on a quiet machine, printed above and
    # reported in docs/python.md, not asserted.
