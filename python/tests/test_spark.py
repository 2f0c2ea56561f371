"""The package over a DataFrame in a local PySpark session (mapInPandas), its rows
checked against the command line's JSON Lines output for the same records."""

import json
import pathlib
import shutil
import subprocess
import sys

import pytest

from conftest import REPO

pyspark = pytest.importorskip("pyspark", reason="skipping: pyspark not installed")
if not shutil.which("java"):
    pytest.skip("skipping: no java for Spark", allow_module_level=True)

sys.path.insert(0, str(REPO / "python" / "examples"))
import spark_quotes  # noqa: E402


def records():
    out = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8"), "outlet": "seed"}
        for path in sorted((REPO / "samples").glob("*.txt"))
    ]
    out.append({"id": "harbour", "text": '"We will never sell it," the mayor said.\n', "outlet": "made up"})
    out.append({"id": "empty", "text": "", "outlet": "made up"})
    out.append({"id": "plain", "text": "No one said anything today.\n", "outlet": "made up"})
    return out


def test_a_dataframe_annotated_in_spark_has_the_command_lines_documents(cli, tmp_path, monkeypatch):
    from pyspark.sql import SparkSession

    # The workers run this Python (with the package), not whatever "python3" is.
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    rows = records()
    jsonl = tmp_path / "articles.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    run = subprocess.run(
        [cli, "annotate", "--jsonl", str(jsonl), "--jsonl-out", "-"], capture_output=True, check=True
    )
    by_cli = {r["id"]: r["quotelens"] for r in map(json.loads, run.stdout.splitlines())}

    spark = (
        SparkSession.builder.master("local[2]")
        .appName("quotelens-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    # The example module goes to the executors as a plain Python file, as on a cluster.
    spark.sparkContext.addPyFile(str(REPO / "python" / "examples" / "spark_quotes.py"))
    try:
        frame = spark.createDataFrame([(r["id"], r["text"]) for r in rows], "id string, text string")
        annotated = spark_quotes.annotate(frame.repartition(2)).collect()
    finally:
        spark.stop()

    assert sorted(r["id"] for r in annotated) == sorted(by_cli)
    for row in annotated:
        doc = json.loads(row["document"])
        assert doc == by_cli[row["id"]], row["id"]
        assert row["quotes"] == sum(a["kind"] == "quote" for a in doc["annotations"])
    harbour = next(r for r in annotated if r["id"] == "harbour")
    assert harbour["quotes"] == 1
    assert next(r for r in annotated if r["id"] == "empty")["quotes"] == 0
