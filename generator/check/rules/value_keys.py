"""value-key-not-in-quote: a value's key names what the quote counts, within five words after
the number (after the upper end of a range)."""

from __future__ import annotations

import functools
from collections.abc import Iterator

from generator.check.readings import counted
from generator.check.rules.context import Context
from generator.diagnostics import Diagnostic
from generator.load.yaml import shown

ID = "value_keys"
WINDOW = 5
_PUNCTUATION = "\"'()[],.;:!?"


def check(context: Context) -> Iterator[Diagnostic]:
    for quote in context.quotes:
        if not quote.source.values or not quote.verified:
            continue  # a quote not found is reported as such: what it counts is not the source's
        for name, match in context.matches(quote).items():
            if match is None or _counted(name, match[0], match[1].end):
                continue  # not stated (see `values`), or counted where it was found first
            matches = context.reading(quote, name).matches
            if not any(_counted(name, part, item.end) for part, item in matches):
                part, item = matches[0]
                number = item.high if item.high is not None else item.low
                message = (
                    f"the quote counts '{counted(part, item.end)}' after {number:,}; "
                    f"name the key after what it counts (values.{name})"
                )
                path = (*quote.path, "values", name)
                code = "value-key-not-in-quote"
                yield quote.owner.diagnostic(path, code, shown(message), key=True)


def _counted(name: str, part: str, end: int) -> bool:
    """Whether the key (its first word) is one of the WINDOW words after `end`, in either
    number."""
    wanted = _wanted(name)
    start = wanted[:3]
    window = part[end : end + 100].lower()
    if start not in window:  # no word there begins as the key does
        return False
    for word in window.replace("-", " ").split()[:WINDOW]:
        word = word.strip(_PUNCTUATION)
        if word[:3] == start and stem(word) == wanted:
            return True
    return False


@functools.lru_cache(maxsize=4096)
def _wanted(name: str) -> str:
    """The word a key names (its first word), without a plural ending."""
    return stem(name.split("_")[0])


def stem(word: str) -> str:
    """A word without its plural ending: countries -> country, fighters -> fighter."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
