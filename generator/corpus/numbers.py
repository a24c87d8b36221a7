"""Whole numbers in text, as digits (27,600; 18-month) or English words (eight, twenty-five),
each where it is written.

Number words in sequence are read as one number, as English writes them: `five hundred` is
500 (never 5), `twenty five` is 25, `2 million` and `1.5 million` are 2,000,000 and 1,500,000.
Digits right after a letter (`A380`, `G7`) are a name, not a number. A digit next to a
number character that is not a digit (`3½`, `10²`, kept as written by `normalize`) is not a
whole number. A number of more than `MAX_DIGITS` digits is unreadable
(its value is None): it can equal no value, and reading it would cost time for nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from typing import NamedTuple

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
# Each digit pattern starts by consuming a digit (the look-behinds follow it), which lets the
# regex engine skip ahead to the next digit: a leading look-behind is far slower. A digit may
# not follow a digit, a separator after a digit, or a letter (A380, G7); a decimal point only
# comes before a scale word (1.5 million).
_DIGITS_TAIL = (
    r"(?:{d}{{0,2}}(?:,{d}{{3}})+|{d}*)"
    rf"(?:\.{{d}}+(?=[ -](?i:{_SCALE})(?!\w)))?(?!{{d}}|[.,]{{d}})"
)
_DIGITS = re.compile(r"\d(?<![\d.,]\d)(?<![^\W\d_]\d)" + _DIGITS_TAIL.format(d=r"\d"))
#: The same on ASCII text, where `\d` is [0-9]: a plain character class is quicker to scan for.
_ASCII_DIGITS = re.compile(
    r"[0-9](?<![0-9.,][0-9])(?<![a-zA-Z_][0-9])" + _DIGITS_TAIL.format(d="[0-9]")
)
#: A tens word and a unit (twenty-five, twenty five), or one number word. What may come
#: before is checked by `_words_start`: without a leading look-behind, the regex engine skips
#: ahead to the letters a number word can begin with, many times quicker.
_WORDS = re.compile(
    rf"(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{'|'.join(_UNITS[1:10])})(?!\w)"
    rf"|(?P<word>{_ALL_WORDS})(?!\w)",
    re.IGNORECASE,
)
#: Scale words after a number multiply it.
_SCALE_WORDS = tuple(SCALES)
#: What `and` adds after a scale word: `five hundred and twenty`, `and twenty-five`.
_AND_REST = re.compile(
    rf" and (?:(?P<tens>{'|'.join(_TENS)})[- ](?P<unit>{'|'.join(_UNITS[1:10])})"
    rf"|(?P<word>{'|'.join(sorted(list(WORD_VALUES)[1:], key=len, reverse=True))}))(?!\w)",
    re.IGNORECASE,
)
_SCALES = re.compile(rf"(?:[ -](?:{_SCALE})(?!\w))+", re.IGNORECASE)
# ASCII text is cut into runs of letters (one bytes.translate) to see whether it holds a
# number word at all: far quicker than a regex scan, and most text holds none.
_LETTERS = bytes(byte if chr(byte).isalpha() else 32 for byte in range(128)) + b" " * 128
_NAMES = frozenset(word.encode() for word in WORD_VALUES)
_TENS_SET = frozenset(_TENS)
_UNIT_SET = frozenset(_UNITS[1:10])


class Occurrence(NamedTuple):
    """A number where it is written: `text[start:end]`, and its value (None if unreadable)."""

    start: int
    end: int
    value: int | None


def occurrences(text: str) -> list[Occurrence]:
    """Every whole number of `text`, in order."""
    plain = text.isascii()
    found = [_digits(text, match) for match in (_ASCII_DIGITS if plain else _DIGITS).finditer(text)]
    if plain:
        named = _NAMES.intersection(text.lower().encode().translate(_LETTERS).split())
        if named:
            words = _ascii_words(text, [name.decode() for name in named])
            found = _apart(sorted(found + words)) if found else _apart(words)
        return found
    words = [_words(text, match) for match in _WORDS.finditer(text) if _word_starts(match)]
    found = _apart(sorted(found + words)) if words else found
    return [item for item in found if not _next_to_number_sign(text, item.start, item.end)]


def _apart(found: list[Occurrence]) -> list[Occurrence]:
    """Occurrences in order, without those inside an earlier one (`twenty` of `five hundred
    and twenty`)."""
    kept: list[Occurrence] = []
    for item in found:
        if not kept or item.start >= kept[-1].end:
            kept.append(item)
    return kept


def _ascii_words(text: str, names: list[str]) -> list[Occurrence]:
    """The number words of ASCII text, found by `str.find` of the `names` it holds (a regex
    of every number word is many times slower): the same as `_WORDS` and `_word_starts`."""
    lower = text.lower()
    spans = _word_spans(lower, names)
    words, index = [], 0
    while index < len(spans):
        start, end, name = spans[index]
        before, index = lower[start - 1 : start], index + 1
        if before.isalnum() or before == "_":
            continue
        unit = spans[index] if index < len(spans) else None
        joined = unit and unit[0] == end + 1 and lower[end] in "- "  # twenty-five, twenty five
        if joined and name in _TENS_SET and unit and unit[2] in _UNIT_SET:
            number = WORD_VALUES[name] + WORD_VALUES[unit[2]]
            words.append(_scaled_word(text, start, unit[1], number))
            index += 1
            continue
        if before != "-":
            words.append(_scaled_word(text, start, end, WORD_VALUES[name]))
    return words


def _word_spans(lower: str, names: list[str]) -> list[tuple[int, int, str]]:
    """Where each of `names` occurs in `lower` not followed by a word character, in order."""
    spans = []
    for name in names:
        at = lower.find(name)
        while at >= 0:
            end = at + len(name)
            if not (lower[end : end + 1].isalnum() or lower[end : end + 1] == "_"):
                spans.append((at, end, name))
            at = lower.find(name, end)
    return sorted(spans)


def occurrences_of(text: str, number: int) -> Iterator[Occurrence]:
    """Where ASCII `text` writes `number` in digits (27600 or 27,600), then where in one or
    two number words (eight, twenty-five), each exactly as `occurrences` reads it there, found
    by `str.find`: many times quicker than reading every number of the text. Not always all of
    them: a number joined to a scale word or to other number words is left out, and so is all
    text that is not ASCII. Where this finds nothing, `occurrences` must read the text."""
    if not text.isascii():
        return
    plain = str(number)
    for written in (plain, f"{number:,}") if number >= 1000 else (plain,):
        at = text.find(written)
        while at >= 0:  # no whole number starts inside digits and commas: go on past them
            end = at + len(written)
            if _whole_digits(text, at, end):
                yield Occurrence(at, end, number)
            at = text.find(written, end)
    if number < 100:
        yield from _word_occurrences(text, number)


def _whole_digits(text: str, start: int, end: int) -> bool:
    """Whether the digits at `start`..`end` of ASCII text are a whole number as `_DIGITS`
    reads it (no digit, separator or letter before; no digit, or separator and digit, after)
    with no scale word after (`2 million` is not 2)."""
    before = text[start - 1 : start]
    if before and (before in "0123456789.,_" or before.isalpha()):
        return False
    after = text[end : end + 2]
    if after and (after[0].isdigit() or (after[0] in ".," and after[1:].isdigit())):
        return False
    return _scales_after(text, end) is None


#: Number words right before others that would join them: `twenty-` of `twenty-five`, and
#: `hundred and` of `five hundred and eight`.
_JOINED_BEFORE = re.compile(rf"(?:(?:{'|'.join(_TENS)})[- ]|(?:{_SCALE}) and )$", re.IGNORECASE)
_UNIT_AFTER = re.compile(rf"[- ](?:{'|'.join(_UNITS[1:10])})(?!\w)", re.IGNORECASE)


def _word_occurrences(text: str, number: int) -> Iterator[Occurrence]:
    """Where ASCII text writes `number` (below 100) in words, as `_ascii_words` reads them,
    when nothing joins them to other number words."""
    if number < 20 or number % 10 == 0:
        words = [_UNITS[number] if number < 20 else _TENS[number // 10 - 2]]
    else:
        tens, unit = _TENS[number // 10 - 2], _UNITS[number % 10]
        words = [f"{tens}-{unit}", f"{tens} {unit}"]
    lower = text.lower()
    for start, end, word in _word_spans(lower, words):  # no word character after each
        if _whole_word(lower, start, end, compound=" " in word or "-" in word):
            yield Occurrence(start, end, number)


def _whole_word(lower: str, start: int, end: int, *, compound: bool) -> bool:
    before = lower[start - 1 : start]
    if before.isalnum() or before == "_":
        return False
    if before == "-" and not compound:  # in `x-five`, five is no number
        return False
    if _JOINED_BEFORE.search(lower, max(start - 20, 0), start):
        return False
    if not compound and _UNIT_AFTER.match(lower, end):  # twenty of twenty-five
        return False
    return _scales_after(lower, end) is None


def numbers_in(text: str) -> set[int]:
    """Every whole number the text states, as digits or as English number words."""
    return {item.value for item in occurrences(text) if item.value is not None}


def _digits(text: str, match: re.Match[str]) -> Occurrence:
    written = match.group().replace(",", "")
    start, end = match.span()
    if len(written) > MAX_DIGITS:
        return Occurrence(start, end, None)
    scales = _scales_after(text, end)
    if scales is None and "." not in written:
        return Occurrence(start, end, int(written))  # the usual case, quickly
    number = Fraction(written) if "." in written else Fraction(int(written))
    return _scaled(text, start, end, number, scales)


def _word_starts(match: re.Match[str]) -> bool:
    """Whether a number word starts a word: not after a letter, digit or `_` (nor, but for
    `twenty-five`, after a hyphen: in `x-five`, five is no number)."""
    start = match.start()
    before = match.string[start - 1 : start]
    if not before:
        return True
    return not (before.isalnum() or before == "_" or (before == "-" and not match["tens"]))


def _words(text: str, match: re.Match[str]) -> Occurrence:
    tens, unit, word = match.group("tens", "unit", "word")
    if word is not None:
        number = WORD_VALUES[word.lower()]
    else:
        number = WORD_VALUES[tens.lower()] + WORD_VALUES[unit.lower()]
    return _scaled_word(text, *match.span(), number)


def _scaled_word(text: str, start: int, end: int, number: int) -> Occurrence:
    scales = _scales_after(text, end)
    if scales is None:
        return Occurrence(start, end, number)
    return _scaled(text, start, end, Fraction(number), scales)


def _scales_after(text: str, end: int) -> re.Match[str] | None:
    """The scale words right after a number (`hundred` in `five hundred`), if any."""
    if text[end : end + 1] not in (" ", "-"):
        return None
    if not text[end + 1 : end + 9].lower().startswith(_SCALE_WORDS):  # quicker than the regex
        return None
    return _SCALES.match(text, end)


def _scaled(
    text: str, start: int, end: int, number: Fraction, scales: re.Match[str] | None
) -> Occurrence:
    """The number multiplied by its scale words, if any, and what `and` adds after them
    (`five hundred and twenty`)."""
    if scales is not None:
        for scale in scales.group().replace("-", " ").split():
            number *= SCALES[scale.lower()]
        end = scales.end()
        rest = _AND_REST.match(text, end) if text[end : end + 5].lower() == " and " else None
        if rest is not None:
            tens, unit, word = rest.group("tens", "unit", "word")
            number += WORD_VALUES[word.lower()] if word else WORD_VALUES[tens.lower()]
            number += WORD_VALUES[unit.lower()] if unit else 0
            end = rest.end()
    return Occurrence(start, end, int(number) if number.denominator == 1 else None)


def _next_to_number_sign(text: str, start: int, end: int) -> bool:
    """Whether a number character that is not a digit (½, ², ①) touches the number."""
    before, after = text[start - 1 : start], text[end : end + 1]
    return (before.isnumeric() and not before.isdecimal()) or (
        after.isnumeric() and not after.isdecimal()
    )
