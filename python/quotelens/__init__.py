"""QuoteLens: quotes, attributions and check-worthy claims in news text.

The engine is the Rust one of the ``quotelens`` command line; every result is the
quotelens/1 document that ``quotelens annotate`` writes for the same text, as a dict.
See docs/python.md.
"""

from ._quotelens import (
    __version__,
    analyse,
    analyse_json,
    analyse_many as _analyse_many,
    analyse_many_json,
    extract,
)

__all__ = ["analyse", "analyse_many", "analyse_json", "analyse_many_json", "extract", "__version__"]


def analyse_many(texts, cues=None, jobs=None):
    """``analyse`` of each text of ``texts`` (any iterable), in order, on ``jobs``
    threads (default: every core). The engine runs without the GIL."""
    return _analyse_many(list(texts), cues, jobs)
