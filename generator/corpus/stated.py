"""What a quote states of its numbers: each number with the qualifier written right before it
(`up to 10`), or the range it is an end of (`20,000-31,000`, `between 20,000 and 31,000`,
`20,000 to 31,000`, `from 20,000 to 31,000`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from generator.corpus.numbers import SCALES, WORD_VALUES, Occurrence, occurrences
from generator.quantity import QUALIFIERS, written

_QUALIFIER_BEFORE = re.compile(
    r"(?<![\w-])(" + "|".join(sorted(QUALIFIERS, key=len, reverse=True)) + r") $", re.IGNORECASE
)
#: What joins the two ends of a range, and what must then come before its lower end.
_RANGE_JOINS = {"-": "", " to ": "", " and ": "between "}
_JOINS = tuple(_RANGE_JOINS)
#: What may begin a number: a digit, or a number word.
_NUMBER_WORDS = frozenset(WORD_VALUES) | frozenset(SCALES)
_LONGEST_WORD = max(map(len, _NUMBER_WORDS)) + 1
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+$")
_NUMBER_START = re.compile(rf"[0-9]|(?:{'|'.join(WORD_VALUES)})(?!\w)", re.IGNORECASE)
_LONGEST_QUALIFIER = max(map(len, QUALIFIERS)) + 1
_ENDINGS = tuple(f"{qualifier} " for qualifier in QUALIFIERS)


class Stated(NamedTuple):
    """A number of a quote's part with its qualifier (lower case; None when bare), or a range
    (`high` set). `start`..`end` spans the words, qualifier included."""

    low: int
    high: int | None
    qualifier: str | None
    start: int
    end: int

    @property
    def value(self) -> str:
        """How a curator writes this as a value: `up to 10`, `20,000-31,000`."""
        return written(self.qualifier, self.low, self.high)


def stated_in(part: str) -> list[Stated]:
    """Every readable number of one part of a quote, with its qualifier or range, in order."""
    found = [item for item in occurrences(part) if item.value is not None]
    stated, index = [], 0
    while index < len(found):
        if index + 1 < len(found):
            joined = _range(part, found[index], found[index + 1])
            if joined is not None:
                stated.append(joined)
                index += 2
                continue
        stated.append(_single(part, found[index]))
        index += 1
    return stated


def stated_alone(part: str, number: Occurrence) -> Stated | None:
    """What `stated_in` states of one of the part's numbers that no neighbour can join into a
    range, or None when one might: a number next to `-` or ` to ` and another number, or to
    ` and ` with `between` before."""
    start, end = number.start, number.end
    after = part[end : end + len(" and ")].lower()
    before = part[max(start - len("between "), 0) : start].lower()
    if after.startswith(_JOINS):
        if after.startswith(" and "):
            if before == "between ":  # the lower end of `between 20,000 and 31,000`
                return None
        elif _NUMBER_START.match(part, end + (1 if after[0] == "-" else len(" to "))):
            return None
    if before.endswith(_JOINS):
        if before.endswith(" and "):
            if "between" in part[:start].lower():  # perhaps the upper end
                return None
        elif _ends_number(part, start - (1 if before[-1] == "-" else len(" to "))):
            return None
    return _single(part, number)


def _ends_number(part: str, end: int) -> bool:
    """Whether a number may end at `end`: a digit, or a number or scale word."""
    if end > 0 and part[end - 1].isdigit():
        return True
    word = _LAST_WORD.search(part, max(end - _LONGEST_WORD, 0), end)
    return word is not None and word.group().lower() in _NUMBER_WORDS


def _range(part: str, low: Occurrence, high: Occurrence) -> Stated | None:
    assert low.value is not None and high.value is not None
    lead = _RANGE_JOINS.get(part[low.end : high.start].lower())
    if lead is None or low.value >= high.value:
        return None
    start = low.start
    before = lead or "from "
    if part[max(start - len(before), 0) : start].lower() == before:
        start -= len(before)
    elif lead:  # `and` joins a range only after `between`
        return None
    return Stated(low.value, high.value, None, start, high.end)


def _single(part: str, number: Occurrence) -> Stated:
    assert number.value is not None
    start = number.start
    before = part[max(start - _LONGEST_QUALIFIER, 0) : start].lower()
    if before.endswith(_ENDINGS):  # a quick test: most numbers have no qualifier
        found = _QUALIFIER_BEFORE.search(part, max(start - _LONGEST_QUALIFIER, 0), start)
        if found is not None:
            return Stated(number.value, None, found.group(1).lower(), found.start(), number.end)
    return Stated(number.value, None, None, start, number.end)
