"""QuoteLens: quotes, attributions and check-worthy claims in news text.

The engine is the Rust one of the ``quotelens`` command line; every result is the
quotelens/1 document that ``quotelens annotate`` writes for the same text, as a dict.
See docs/python.md.
"""

import json as _json

from ._quotelens import __version__, analyse_json, analyse_many_json, extract

__all__ = ["analyse", "analyse_many", "analyse_json", "analyse_many_json", "extract", "__version__"]


def analyse(text, cues=None):
    """The quotelens/1 document of ``text`` (a dict): its text, annotations (quotes,
    attributions, claims with their offsets in code points) and article regions.

    ``cues``: a list of cue words and phrases to use instead of the built-in list
    (what ``quotelens annotate --cues FILE`` reads, one a line)."""
    return _json.loads(analyse_json(text, cues))


def analyse_many(texts, cues=None, jobs=None):
    """``analyse`` of each text of ``texts``, in order, on ``jobs`` threads (default:
    every core). The engine runs without the GIL."""
    return [_json.loads(doc) for doc in analyse_many_json(list(texts), cues, jobs)]
