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
#: ASCII word characters (those of `\w`) as "w", every other byte as a space.
_WORD_STARTS = bytes(
    ord("w" if chr(byte).isalnum() or byte == ord("_") else " ") for byte in range(128)
)
_WORD_STARTS += b" " * 128


#: `_TABLE` as `replace_each` takes it.
REPLACEMENTS = {chr(code): str(char) for code, char in _TABLE.items()}


def normalize(text: str) -> str:
    """NFKC, straight quotes, `-` for every dash, `...` for `…`, single spaces, trimmed."""
    return _single_spaces(_unify_characters(text))


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a document: its non-blank lines, as `str.splitlines` cuts them (the
    one definition of a paragraph)."""
    return _non_blank(text.splitlines())


def _non_blank(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


def split_paragraphs(text: str) -> tuple[list[str], list[str]]:
    """The paragraphs of a document (its non-blank lines, as `str.splitlines` cuts them),
    verbatim and as `normalize` makes each of them.

    The characters of the whole text are unified at once: NFKC never moves, makes or removes
    a line break (nor makes a blank line of a line, or the reverse)."""
    lines = text.splitlines()
    paragraphs = _non_blank(lines)
    unified = _unify_characters(text)
    if unified is text:
        kept = paragraphs
    else:
        unified_lines = unified.splitlines()
        if len(unified_lines) != len(lines):  # cannot happen (see above); if it ever does:
            return paragraphs, [normalize(paragraph) for paragraph in paragraphs]
        kept = [line for line, raw in zip(unified_lines, lines, strict=True) if raw.strip()]
    if _single_spaced_lines(unified):
        return paragraphs, kept
    return paragraphs, [_single_spaces(line) for line in kept]


def _unify_characters(text: str) -> str:
    """NFKC, straight quotes, `-` for every dash: all but the spacing of `normalize`."""
    if text.isascii():
        return text
    # NFKC would make a no-break space a space: done first, the cheap check below then
    # passes for most text (a full NFKC is slow even when it changes nothing else).
    text = text.replace("\u00a0", " ")
    if not unicodedata.is_normalized("NFKC", text):
        text = _nfkc_but_number_signs(text)
    return text if text.isascii() else replace_each(text, REPLACEMENTS)


def _nfkc_but_number_signs(text: str) -> str:
    """NFKC, except that a number character other than a digit (`½`, `²`, `①`) is kept as
    written: NFKC would make digits of it (`10²` -> `102`; `3½` -> `31`, a fraction slash
    and `2`), numbers the source never wrote."""
    signs = [char for char in set(text) if _is_number_sign(char)]
    if not signs:
        return unicodedata.normalize("NFKC", text)
    pieces = re.split(f"([{re.escape(''.join(signs))}])", text)
    return "".join(
        piece if index % 2 else unicodedata.normalize("NFKC", piece)
        for index, piece in enumerate(pieces)
    )


def _is_number_sign(char: str) -> bool:
    return char.isnumeric() and not char.isdecimal() and unicodedata.normalize("NFKC", char) != char


def replace_each(text: str, replacements: dict[str, str]) -> str:
    """`text` with every character of `replacements` it holds replaced: `str.translate` with
    the same table, which is slow on non-ASCII text."""
    for char, replacement in replacements.items():
        if char in text:
            text = text.replace(char, replacement)
    return text


def _single_spaces(text: str) -> str:
    if _single_spaced(text):
        return text
    return " ".join(text.split())


def _single_spaced(text: str) -> bool:
    """Whether `" ".join(text.split()) == text`: no space but single spaces between words."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _single_spaced_lines(text: str) -> bool:
    """Whether every line of `text` cut at "\\n" is `_single_spaced`, or blank."""
    return (
        "  " not in text
        and " \n" not in text
        and "\n " not in text
        and text[:1] != " "
        and text[-1:] != " "
        and text.replace("\n", "").isprintable()
    )


def quote_parts(quote: str) -> list[str]:
    """The pieces of a normalised quote between its elisions (`...`, `[...]`), in order."""
    if "..." not in quote:  # every elision mark holds '...'
        return [quote] if quote else []
    return [part for part in _ELISION.split(quote) if part]


def word_count(quote: str) -> int:
    """Words of a normalised quote, elision marks not counted."""
    if quote.isascii():  # a word starts wherever a word character follows another character
        return (" " + quote).encode().translate(_WORD_STARTS).count(b" w")
    return len(_WORD.findall(quote))  # elision marks hold no word character


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
