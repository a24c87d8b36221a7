"""Whole numbers in text, as digits (27,600; 18-month) or English words (eight, twenty-five)."""

from __future__ import annotations

import re
from collections.abc import Iterator

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUES: dict[str, int] = {word: value for value, word in enumerate(_UNITS)}
WORD_VALUES.update({word: 20 + 10 * index for index, word in enumerate(_TENS)})

# Each pattern starts by consuming a character (the look-behind follows it), which lets the
# regex engine skip ahead: twice as fast on a large fact base as a leading look-behind.
_DIGITS = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:,\d{3})+|\d*)(?![\d]|[.,]\d)")
#: The same on ASCII text, where `\d` is [0-9]: a plain character class is quicker to scan for.
_ASCII_DIGITS = re.compile(
    r"[0-9](?<![0-9.,][0-9])(?:[0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?![0-9]|[.,][0-9])"
)
_WORDS = re.compile(
    r"(?<![\w])(" + "|".join(_TENS) + r")-(" + "|".join(_UNITS[1:10]) + r")(?![\w])"
    r"|(?<![\w-])(" + "|".join(sorted(WORD_VALUES, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
# ASCII text is cut into runs of word characters and hyphens (one bytes.translate): a number
# word is a whole run, or a part of a hyphenated one. A regex scan would cost four times as much.
_RUNS = bytes(byte if chr(byte).isalnum() or chr(byte) in "_-" else 32 for byte in range(128))
_RUNS += b" " * 128
_VALUES = {word.encode(): value for word, value in WORD_VALUES.items()}
_NAMES = frozenset(_VALUES)
_TENS_BYTES = frozenset(word.encode() for word in _TENS)
_UNITS_BYTES = frozenset(word.encode() for word in _UNITS[1:10])


def numbers_in(text: str) -> set[int]:
    """Every whole number the text states, as digits or as English number words."""
    if not text.isascii():
        return _numbers_in_any(text)
    found = {int(digits.replace(",", "")) for digits in _ASCII_DIGITS.findall(text)}
    runs = text.lower().encode().translate(_RUNS)
    words = runs.replace(b"-", b" ").split()
    if _NAMES.isdisjoint(words):
        return found
    if b"-" not in runs:
        found.update(_VALUES[word] for word in _NAMES.intersection(words))
        return found
    for run in runs.split():
        if run in _NAMES:
            found.add(_VALUES[run])
        elif b"-" in run:
            found.update(_hyphenated(run.split(b"-")))
    return found


def _hyphenated(words: list[bytes]) -> Iterator[int]:
    """What `_WORDS` finds in words joined by hyphens: `twenty-five`, or a leading `six`."""
    at = 0
    while at < len(words):
        if words[at] in _TENS_BYTES and at + 1 < len(words) and words[at + 1] in _UNITS_BYTES:
            yield _VALUES[words[at]] + _VALUES[words[at + 1]]
            at += 2
            continue
        if at == 0 and words[at] in _VALUES:  # after a hyphen, a word is not a number
            yield _VALUES[words[at]]
        at += 1


def _numbers_in_any(text: str) -> set[int]:
    found = {int(match.group().replace(",", "")) for match in _DIGITS.finditer(text)}
    for match in _WORDS.finditer(text):
        tens, unit, single = match.groups()
        if single:
            found.add(WORD_VALUES[single.lower()])
        else:
            found.add(WORD_VALUES[tens.lower()] + WORD_VALUES[unit.lower()])
    return found
