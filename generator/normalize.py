"""The normalisation of SPEC.md, applied alike to quotes and documents, and nothing more."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035" + "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"
# Every character of Unicode's Dash_Punctuation (Pd) category, and the minus sign.
DASHES = (
    "\u058a\u05be\u1400\u1806\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e17\u2e1a\u2e3a"
    "\u2e3b\u2e40\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d\U00010ead"
)
_TABLE = str.maketrans(
    {
        **{char: "'" for char in QUOTES[:6]},
        **{char: '"' for char in QUOTES[6:]},
        **{char: "-" for char in DASHES},
    }
)
_ELISION = re.compile(r"\s*(?:\[\.\.\.\]|\.\.\.)\s*")
_WORD = re.compile(r"\w+")


_REPLACEMENTS = {chr(code): str(char) for code, char in _TABLE.items()}
_SPECIAL = frozenset(_REPLACEMENTS)


def normalize(text: str) -> str:
    """NFKC, straight quotes, `-` for every dash, `...` for `…`, single spaces, trimmed."""
    text = unicodedata.normalize("NFKC", text)
    if not text.isascii():
        # Same as text.translate(_TABLE), which is slow on non-ASCII text: one replace a char.
        for char in _SPECIAL.intersection(text):
            text = text.replace(char, _REPLACEMENTS[char])
    return " ".join(text.split())


def quote_parts(quote: str) -> list[str]:
    """The pieces of a normalised quote between its elisions (`...`, `[...]`), in order."""
    if "..." not in quote:  # every elision mark holds '...'
        return [quote] if quote else []
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
    if used:
        return used
    # No single step is essential (a no-break space is both 'spaces' and 'unicode'): name the
    # steps that change either text.
    return [
        name
        for name, step in steps.items()
        if step(raw_quote) != raw_quote or step(raw_span) != raw_span
    ]


_QUOTES_ONLY = str.maketrans({char: _TABLE[ord(char)] for char in QUOTES})
_DASHES_ONLY = str.maketrans({char: "-" for char in DASHES})
