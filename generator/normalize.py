"""The normalisation of SPEC.md, applied alike to quotes and documents, and nothing more."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035" + "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_TABLE = str.maketrans(
    {
        **{char: "'" for char in QUOTES[:6]},
        **{char: '"' for char in QUOTES[6:]},
        **{char: "-" for char in DASHES},
    }
)
_ELISION = re.compile(r"\s*(?:\[\.\.\.\]|\.\.\.)\s*")
_WORD = re.compile(r"\w+")


def normalize(text: str) -> str:
    """NFKC, straight quotes, `-` for every dash, `...` for `…`, single spaces, trimmed."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TABLE).split())


def quote_parts(quote: str) -> list[str]:
    """The pieces of a normalised quote between its elisions (`...`, `[...]`), in order."""
    return [part for part in _ELISION.split(quote) if part]


def word_count(quote: str) -> int:
    """Words of a normalised quote, elision marks not counted."""
    return sum(len(_WORD.findall(part)) for part in quote_parts(quote))


def normalisations_used(raw_quote: str, raw_span: str) -> list[str]:
    """Which normalisations a quote needed to equal the document text it matched.

    Returns [] for a verbatim match; otherwise names among 'quotes', 'dashes', 'spaces' and
    'unicode', the ones without which the two would still differ.
    """
    if raw_quote == raw_span:
        return []
    steps: dict[str, Callable[[str], str]] = {
        "quotes": lambda s: s.translate(_QUOTES_ONLY),
        "dashes": lambda s: s.translate(_DASHES_ONLY),
        "spaces": lambda s: " ".join(s.split()),
        "unicode": lambda s: unicodedata.normalize("NFKC", s),
    }
    used = []
    for name in steps:
        others = [step for other, step in steps.items() if other != name]
        quote, span = raw_quote, raw_span
        for step in others:
            quote, span = step(quote), step(span)
        if quote != span:
            used.append(name)
    return used or list(steps)


_QUOTES_ONLY = str.maketrans({char: _TABLE[ord(char)] for char in QUOTES})
_DASHES_ONLY = str.maketrans({char: "-" for char in DASHES})
