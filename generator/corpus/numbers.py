"""Whole numbers in text, as digits (27,600; 18-month) or English words (eight, twenty-five),
each where it is written.

Number words in sequence are read as one number, as English writes them: `five hundred` is
500 (never 5), `twenty five` is 25, `2 million` and `1.5 million` are 2,000,000 and 1,500,000.
A digit next to a number character that is not a digit (`3½`, `10²`, kept as written by
`normalize`) is not a whole number. A number of more than `MAX_DIGITS` digits is unreadable
(its value is None): it can equal no value, and reading it would cost time for nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

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
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
SCALES["trillion"] = 10**12
MAX_DIGITS = 100

_SCALE = "|".join(SCALES)
_ALL_WORDS = "|".join(sorted(WORD_VALUES, key=len, reverse=True))
_NUMERAL = re.compile(
    # digits: not inside another number; a decimal only before a scale word (1.5 million)
    r"(?:(?P<digits>(?<![\d.,])\d(?:\d{0,2}(?:,\d{3})+|\d*)"
    rf"(?:\.\d+(?=[ -](?:{_SCALE})(?!\w)))?(?!\d|[.,]\d))"
    # a tens word and a unit (twenty-five, twenty five), or one number word
    rf"|(?<!\w)(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{'|'.join(_UNITS[1:10])})(?!\w)"
    rf"|(?<![\w-])(?P<word>{_ALL_WORDS})(?!\w))"
    # any scale words after it multiply it
    rf"(?P<scales>(?:[ -](?:{_SCALE})(?!\w))*)",
    re.IGNORECASE,
)
_DIGIT_OR_WORD = re.compile(rf"\d|{_ALL_WORDS}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Occurrence:
    """A number where it is written: `text[start:end]`, and its value (None if unreadable)."""

    start: int
    end: int
    value: int | None


def occurrences(text: str) -> list[Occurrence]:
    """Every whole number of `text`, in order."""
    if not _DIGIT_OR_WORD.search(text):
        return []
    found = []
    plain = text.isascii()
    for match in _NUMERAL.finditer(text):
        start, end = match.span()
        if not plain and _next_to_number_sign(text, start, end):
            continue
        found.append(Occurrence(start, end, _value(match)))
    return found


def numbers_in(text: str) -> set[int]:
    """Every whole number the text states, as digits or as English number words."""
    return {item.value for item in occurrences(text) if item.value is not None}


def _value(match: re.Match[str]) -> int | None:
    digits, tens, unit, word, scales = match.group("digits", "tens", "unit", "word", "scales")
    number: Fraction
    if digits is not None:
        plain = digits.replace(",", "")
        if len(plain) > MAX_DIGITS:
            return None
        number = Fraction(plain) if "." in plain else Fraction(int(plain))
    elif tens is not None:
        number = Fraction(WORD_VALUES[tens.lower()] + WORD_VALUES[unit.lower()])
    else:
        number = Fraction(WORD_VALUES[word.lower()])
    for scale in scales.replace("-", " ").split():
        number *= SCALES[scale.lower()]
    return int(number) if number.denominator == 1 else None


def _next_to_number_sign(text: str, start: int, end: int) -> bool:
    """Whether a number character that is not a digit (½, ², ①) touches the number."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return (before.isnumeric() and not before.isdecimal()) or (
        after.isnumeric() and not after.isdecimal()
    )
