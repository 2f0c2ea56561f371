from typing import Any, Iterable, Optional, Sequence

__version__: str

def analyse(text: str, cues: Optional[Sequence[str]] = None) -> dict[str, Any]:
    """The quotelens/1 document of `text`, exactly as `quotelens annotate` writes it."""

def analyse_many(
    texts: Iterable[str], cues: Optional[Sequence[str]] = None, jobs: Optional[int] = None
) -> list[dict[str, Any]]:
    """`analyse` of each text, in order, on `jobs` threads without the GIL."""

def analyse_json(text: str, cues: Optional[Sequence[str]] = None) -> str:
    """`analyse` as compact JSON text (no dict built)."""

def analyse_many_json(
    texts: Sequence[str], cues: Optional[Sequence[str]] = None, jobs: Optional[int] = None
) -> list[str]:
    """`analyse_many` as compact JSON texts."""

def extract(html: str) -> str:
    """The article text of a web page, as `quotelens extract` writes it."""
