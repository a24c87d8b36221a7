"""Each value of a quote's source read against what the quote states (see `stated`)."""

from __future__ import annotations

import re
from typing import NamedTuple

from generator.corpus.numbers import occurrences_of
from generator.corpus.stated import Stated, stated_alone, stated_in
from generator.match.verify import QuoteCheck
from generator.quantity import Quantity

_WORDS = re.compile(r"[^\W\d_]+")
#: Words that end what a quote counts: "10 military aircraft and 600 personnel".
_STOPS = frozenset(
    {
        "and",
        "or",
        "to",
        "in",
        "of",
        "the",
        "a",
        "an",
        "from",
        "for",
        "with",
        "by",
        "at",
        "on",
        "who",
        "which",
        "that",
        "as",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "could",
        "can",
        "had",
        "has",
        "have",
        "said",
    }
)


#: A statement of a quote's part, with that part.
Match = tuple[str, Stated]


class Reading(NamedTuple):
    """A value and what its quote states: where it matches (part, statement), or not."""

    name: str
    value: Quantity
    #: Every statement that matches the value as written, with the part holding it.
    matches: list[Match]
    #: The statements of the value's number, written otherwise, with the part holding each.
    near: list[Match]
    numbers: list[Stated]


def stated_parts(quote: QuoteCheck) -> list[tuple[str, list[Stated]]]:
    """Each part of the quote with what it states."""
    return [(part, stated_in(part)) for part in quote.parts]


def readings(quote: QuoteCheck, parts: list[tuple[str, list[Stated]]]) -> list[Reading]:
    """Each value of the quote's source, read against each part of the quote (`parts`, as
    `stated_parts` gives them)."""
    numbers = [item for _, stated in parts for item in stated]
    found = []
    for name, value in quote.source.values.items():
        matches, near = [], []
        low, high, qualifier = value.low, value.high, value.qualifier
        number = value.number
        for part, stated in parts:
            for item in stated:
                item_low, item_high, item_qualifier, _, _ = item
                if item_low == low and item_high == high and item_qualifier == qualifier:
                    matches.append((part, item))
                elif item_low in (low, number) or item_high == number:
                    near.append((part, item))  # the same number, written otherwise
        found.append(Reading(name, value, matches, near, numbers))
    return found


def quick_match(parts: list[str], value: Quantity) -> Match | None:
    """A statement of `parts` that matches a single value as written, found where the value's
    digits are (`occurrences_of`) rather than by reading every number: one that `readings`
    lists among the value's matches. None when there is none this way (words, a range, text
    that is not ASCII, or a number the quote does not state as written): `readings` tells."""
    if value.high is not None:
        return None
    for part in parts:
        for number in occurrences_of(part, value.low):
            item = stated_alone(part, number)
            if item is not None and item.qualifier == value.qualifier:
                return part, item
    return None


def excerpt(part: str, item: Stated) -> str:
    """A statement and what it counts: "up to 10 military aircraft"."""
    words = counted(part, item.end)
    return part[item.start : item.end] + (f" {words}" if words else "")


def counted(part: str, end: int) -> str:
    """What the quote counts after a number: its next words, up to a little word or a stop."""
    found: list[str] = []
    for match in _WORDS.finditer(part, end, end + 80):
        word = match.group()
        if word.lower() in _STOPS or len(found) == 3:
            break
        if part[end : match.start()].strip(" -") and found:
            break
        found.append(word)
        end = match.end()
    return " ".join(found)
