"""Who is quoted, over a Spark DataFrame of articles: QuoteLens in `mapInPandas`.

    python python/examples/spark_quotes.py ARTICLES.jsonl   # one {"id", "text"} a line

Each Spark task hands its rows to `quotelens.analyse_many_json` a batch at a time (the
engine runs without the GIL; one thread a task, since Spark already runs a task per
core). The result has one row per article: counts, the speakers quoted, and the whole
quotelens/1 document as JSON (what `quotelens annotate` writes for the same text).
On a cluster the same code runs unchanged once every executor has the `quotelens`
wheel: see docs/python.md.
"""

import json
import sys
from typing import Iterator

import pandas as pd

import quotelens

# The rows `annotate_batches` yields.
SCHEMA = (
    "id string, quotes int, attributions int, claims int, speakers array<string>, document string"
)


def summary(doc: dict) -> dict:
    """Counts and speakers of one quotelens/1 document."""
    kinds = [a["kind"] for a in doc["annotations"]]
    speakers = sorted(
        {a["speaker"] for a in doc["annotations"] if a["kind"] == "attribution" and a.get("speaker")}
    )
    return {
        "quotes": kinds.count("quote"),
        "attributions": kinds.count("attribution"),
        "claims": kinds.count("claim"),
        "speakers": speakers,
    }


def annotate_batches(batches: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    """`mapInPandas` function: frames of (id, text) in, frames of `SCHEMA` out."""
    for frame in batches:
        documents = quotelens.analyse_many_json(frame["text"].tolist(), jobs=1)
        rows = []
        for id_, document in zip(frame["id"].tolist(), documents):
            rows.append({"id": str(id_), **summary(json.loads(document)), "document": document})
        yield pd.DataFrame(rows, columns=["id", "quotes", "attributions", "claims", "speakers", "document"])


def annotate(frame):
    """A Spark DataFrame with columns id and text, annotated (one row per article)."""
    return frame.select("id", "text").mapInPandas(annotate_batches, schema=SCHEMA)


def main(path: str) -> None:
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("quotelens").getOrCreate()
    articles = spark.read.json(path)
    annotated = annotate(articles)
    annotated.select("id", "quotes", "claims", "speakers").show(20, truncate=60)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1])
