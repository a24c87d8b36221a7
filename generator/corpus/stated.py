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
#: The words a number may end with (number and scale words), and what may begin a number.
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
    """What `stated_in` states of one of the part's numbers, when no neighbour can join it into
    a range; None when one might (then `stated_in` must tell)."""
    if _may_begin_range(part, number) or _may_end_range(part, number):
        return None
    return _single(part, number)


def _may_begin_range(part: str, number: Occurrence) -> bool:
    """`-` or ` to ` and a number after it, or ` and ` after it and `between ` before it."""
    after = part[number.end : number.end + len(" and ")].lower()
    if after.startswith(" and "):
        return part[max(number.start - len("between "), 0) : number.start].lower() == "between "
    if after.startswith(("-", " to ")):
        join = 1 if after[0] == "-" else len(" to ")
        return _NUMBER_START.match(part, number.end + join) is not None
    return False


def _may_end_range(part: str, number: Occurrence) -> bool:
    """A number and `-` or ` to ` before it, or ` and ` before it and `between` earlier."""
    before = part[max(number.start - len(" and "), 0) : number.start].lower()
    if before.endswith(" and "):
        return "between" in part[: number.start].lower()
    if before.endswith(("-", " to ")):
        return _ends_number(part, number.start - (1 if before[-1] == "-" else len(" to ")))
    return False


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
