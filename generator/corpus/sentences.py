"""Splitting a paragraph into sentences, for anchors on source pages and near-miss search."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "St",
        "Gen",
        "Lt",
        "Col",
        "Sgt",
        "Capt",
        "Gov",
        "Sen",
        "Rep",
        "Jr",
        "Sr",
        "Prof",
        "Inc",
        "Co",
        "Corp",
        "Ltd",
        "vs",
        "No",
        "Nos",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "Mon",
        "Tue",
        "Tues",
        "Wed",
        "Thu",
        "Thurs",
        "Fri",
        "Sat",
        "Sun",
    ]
)
_CLOSERS = "\"'\u201d\u2019)]"
_OPENERS = "\"'\u201c\u2018(["
# A boundary starts at its full stop (not just after it, by a look-behind): the regex engine
# then skips to the next stop at once, twice as quick as trying the look-behind everywhere.
_BOUNDARY = re.compile(rf"[.!?][{re.escape(_CLOSERS)}]*\s+(?=[{re.escape(_OPENERS)}]*[A-Z0-9])")


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Start and end offsets of the sentences of a paragraph; together they cover it."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        if _is_abbreviation(paragraph[start : match.start() + 1]):  # up to the stop, included
            continue
        end = match.start() + len(match.group().rstrip())
        spans.append((start, end))
        start = match.end()
    if start < len(paragraph):
        spans.append((start, len(paragraph.rstrip())))
    return spans


def _is_abbreviation(text: str) -> bool:
    word = _last_word(text)
    if word is None:
        return False
    word = word.rstrip(_CLOSERS).lstrip(_OPENERS)
    if not word.endswith("."):
        return False
    stem = word[:-1]
    return stem in _ABBREVIATIONS or "." in stem or (len(stem) == 1 and stem.isupper())


def _last_word(text: str) -> str | None:
    """The last run of non-space characters of `text`, if it ends the text (or comes just
    before a final newline, as a regex `$` allows), without a regex scan of the whole text."""
    if text.endswith("\n"):
        text = text[:-1]
    if not text or text[-1].isspace():
        return None
    return text.rsplit(None, 1)[-1]
