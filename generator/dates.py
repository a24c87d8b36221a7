"""Dates read from a quote's words, against its document's published date (P).

SPEC, "A date comes from the texts": full dates support their day wherever they are; a day and
month without a year, a month alone, a weekday, `today`, `yesterday` and `last week` need P.
Each form is read once: the words of a full date are not read again as a month or a weekday.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

Precision = Literal["day", "month", "year"]
_RANK: dict[Precision, int] = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class Reading:
    """A date some words of a quote give: a day (or the days of a week), a month or a year."""

    words: str
    first: dt.date
    last: dt.date
    precision: Precision

    def shown(self) -> str:
        """`2014-09-15`, `2014-09-08 to 2014-09-14` (a week), `2014-06` or `2011`."""
        if self.precision == "year":
            return str(self.first.year)
        if self.precision == "month":
            return self.first.isoformat()[:7]
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()} to {self.last.isoformat()}"

    def supports(self, given: str) -> bool:
        """Whether a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY` is one these words give:
        a day needs a day; a month, a day or month in it; a year, anything in it."""
        first, last, precision = date_span(given)
        if _RANK[precision] < _RANK[self.precision]:
            return False
        return self.first <= last and first <= self.last


@dataclass(frozen=True, slots=True)
class DateSource:
    """A reading with the document it was read in (and that document's published date)."""

    reading: Reading
    doc: str
    published: str | None

    def describe(self) -> str:
        """`2014-09-15 from "Monday's conference" in 001_..., published 2014-09-15`."""
        text = f'{self.reading.shown()} from "{self.reading.words}" in {self.doc}'
        return f"{text}, published {self.published}" if self.published else text


def date_span(given: str) -> tuple[dt.date, dt.date, Precision]:
    """The first and last day of a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""
    parts = [int(part) for part in given.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day, "day"
    if len(parts) == 2:
        return (*_month(parts[0], parts[1]), "month")
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"


def _month(year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def date_sources(
    quotes: Iterable[tuple[str, Sequence[str]]], published: Mapping[str, str]
) -> list[DateSource]:
    """Every date the quotes give: each quote as (document id, its parts)."""
    found: list[DateSource] = []
    for doc, parts in quotes:
        day = published.get(doc)
        for part in parts:
            found.extend(DateSource(item, doc, day) for item in readings(part, day))
    return found


def readings(text: str, published: str | None = None) -> list[Reading]:
    """The dates `text` gives, in the order of its words.

    `published` is the document's date, `YYYY-MM-DD`; without it (or when only its month or
    year is known) only full dates, month and year, and a year support anything."""
    return [reading for reading, _ in _scan(text, _day_of(published)) if reading is not None]


def unread(text: str) -> list[str]:
    """The words of `text` that would give a date if its document had a published date."""
    return [words for reading, words in _scan(text, None) if reading is None and words]


def _scan(text: str, p: dt.date | None) -> list[tuple[Reading | None, str]]:
    """Each date form found, in the order of the text: its reading (None when it reads as no
    date), and its words when it is a form that needs P and P is missing."""
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Reading | None, str]] = []
    for pattern, read, relative in _FORMS:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            taken.append((start, end))
            missing = match[0] if relative and p is None else ""
            found.append((start, read(match, p), missing))
    return [(reading, words) for _, reading, words in sorted(found, key=lambda item: item[0])]


def _day_of(published: str | None) -> dt.date | None:
    if published is None or len(published) != 10:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError:
        return None


MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8})
MONTHS.update({"Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12})
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}

_ANY_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?<!\w)(?P<month>{_ANY_MONTH})(?![a-z])\.?"
#: A month alone is written in full; "May" only after a preposition (Theresa May, "May I").
_WHOLE_MONTH = "|".join(name for name in calendar.month_name if name and name != "May")
_BEFORE_MONTH = r"(?:(?i:in|since|during|until|by|early|late|from|through)\s+|(?i:mid)-)"
_DAY = r"(?<![\d,.])(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_NO_YEAR = r"(?!,?\s*\d)"  # "Nov. 24" but not "Nov. 24, 1776": a year we do not read
_YEAR = r"(?P<year>1[89][0-9]{2}|20[0-9]{2})(?!\d|,\d)"
_BEFORE_YEAR = r"(?i:in|since|during|until)\s+(?:(?i:early|late)\s+|(?i:mid)-)?"
_WEEKDAY = "|".join(WEEKDAYS)
_RELATIVE = r"today|tonight|this\s+morning|yesterday|last\s+week"
_WEEKDAY_BEFORE = rf"(?:(?<!\w)(?:{_WEEKDAY}),?\s+)?"


def _match_day(match: re.Match[str], year: int) -> tuple[dt.date, dt.date] | None:
    try:
        day = dt.date(year, MONTHS[match["month"]], int(match["day"]))
    except ValueError:  # 31 September: no such day, no reading
        return None
    return day, day


def _full(match: re.Match[str], p: dt.date | None) -> Reading | None:
    days = _match_day(match, int(match["year"]))
    return Reading(match[0], *days, "day") if days else None


def _iso(match: re.Match[str], p: dt.date | None) -> Reading | None:
    try:
        day = dt.date.fromisoformat(match[0])
    except ValueError:
        return None
    return Reading(match[0], day, day, "day")


def _day_month(match: re.Match[str], p: dt.date | None) -> Reading | None:
    days = _match_day(match, p.year) if p else None
    return Reading(match[0], *days, "day") if days else None


def _month_year(match: re.Match[str], p: dt.date | None) -> Reading | None:
    return Reading(match[0], *_month(int(match["year"]), MONTHS[match["month"]]), "month")


def _month_alone(match: re.Match[str], p: dt.date | None) -> Reading | None:
    if p is None:
        return None
    month = MONTHS[match["month"]]
    year = p.year if month <= p.month else p.year - 1
    return Reading(match[0], *_month(year, month), "month")


def _year(match: re.Match[str], p: dt.date | None) -> Reading | None:
    year = int(match["year"])
    return Reading(match[0], dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _weekday(match: re.Match[str], p: dt.date | None) -> Reading | None:
    if p is None:
        return None
    day = p - dt.timedelta(days=(p.weekday() - WEEKDAYS[match["weekday"]]) % 7)
    return Reading(match[0], day, day, "day")


def _relative(match: re.Match[str], p: dt.date | None) -> Reading | None:
    if p is None:
        return None
    word = " ".join(match[0].lower().split())
    if word == "last week":  # Monday to Sunday of the week before P's
        monday = p - dt.timedelta(days=p.weekday() + 7)
        return Reading(match[0], monday, monday + dt.timedelta(days=6), "day")
    day = p - dt.timedelta(days=1) if word == "yesterday" else p
    return Reading(match[0], day, day, "day")


Read = Callable[[re.Match[str], dt.date | None], Reading | None]

#: Every form, most specific first (what a form reads, a later one does not read again), and
#: whether it needs the published date.
_FORMS: list[tuple[re.Pattern[str], Read, bool]] = [
    (re.compile(r"(?<![\w-])[0-9]{4}-[0-9]{2}-[0-9]{2}(?![\w-])"), _iso, False),
    (re.compile(rf"{_WEEKDAY_BEFORE}{_DAY}\s+{_MONTH},?\s+{_YEAR}"), _full, False),
    (re.compile(rf"{_WEEKDAY_BEFORE}{_MONTH}\s+{_DAY},?\s+{_YEAR}"), _full, False),
    (re.compile(rf"{_WEEKDAY_BEFORE}{_DAY}\s+{_MONTH}(?!\w){_NO_YEAR}"), _day_month, True),
    (re.compile(rf"{_WEEKDAY_BEFORE}{_MONTH}\s+{_DAY}{_NO_YEAR}"), _day_month, True),
    (re.compile(rf"{_MONTH},?\s+{_YEAR}"), _month_year, False),
    (
        re.compile(rf"(?<!\w)(?:{_BEFORE_MONTH})*(?P<month>{_WHOLE_MONTH})(?![a-z])"),
        _month_alone,
        True,
    ),
    (re.compile(rf"(?<!\w)(?:{_BEFORE_MONTH})+(?P<month>May)(?!\w)"), _month_alone, True),
    (re.compile(rf"(?<![\w-]){_BEFORE_YEAR}{_YEAR}"), _year, False),
    (
        re.compile(rf"(?<!\w)(?:(?i:on)\s+)?(?P<weekday>{_WEEKDAY})(?:'s\s+\w+)?(?!\w)"),
        _weekday,
        True,
    ),
    (re.compile(rf"(?<!\w)(?i:{_RELATIVE})(?!\w)"), _relative, True),
]
