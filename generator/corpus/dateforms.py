"""How dates are written: every form of SPEC's "A date comes from the texts", as a pattern and
what it reads, with P (the document's published date) where the form needs it.

Each pattern starts with the word that names the date (a day, a month, a weekday, a year), and
is tried only where `Anchors` found such a word: most quotes hold no date, and regular
expressions that start anywhere are slow.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator.corpus.datespan import Reading, month_span

#: The cues: kinds of date words a text may hold (as bits of a number).
MONTH, DAY_MONTH, YEAR, WEEKDAY, RELATIVE = (1 << bit for bit in range(5))


class Anchors:
    """Where a text's date words may start, found quickly: four digits (a year), a month
    name, a weekday, and the day written before a month. A form is sought only when the text
    has all of its cues, and only where its first word is (most quotes hold no date)."""

    __slots__ = ("cues", "day", "month", "weekday", "year")

    def __init__(self, text: str) -> None:
        self.month: list[int] = []
        self.weekday: list[int] = []
        for match in _NAME.finditer(text):  # a month's first three letters, or a weekday
            start, end = match.span()
            (self.month if end - start == 3 else self.weekday).append(start)
        self.year = (  # a year this checker reads starts 18, 19 or 20
            [match.start() for match in _FOUR_DIGITS.finditer(text)]
            if "20" in text or "19" in text or "18" in text
            else []
        )
        days = (DAY_END.search(text, max(0, at - 8), at) for at in self.month)
        self.day = [found.start() for found in days if found is not None]
        cues = (MONTH if self.month else 0) | (DAY_MONTH if self.day else 0)
        cues |= (YEAR if self.year else 0) | (WEEKDAY if self.weekday else 0)
        lowered = text.lower()
        if (
            "today" in lowered
            or "yesterday" in lowered
            or "tonight" in lowered
            or "morning" in lowered
            or "week" in lowered
        ):
            cues |= RELATIVE
        self.cues = cues

    def matches(self, form: Form, text: str) -> Iterator[re.Match[str]]:
        """The form's matches: anywhere, or at the anchors it starts at."""
        if form.start == "text":
            yield from form.pattern.finditer(text)
            return
        for at in getattr(self, form.start):
            match = form.pattern.match(text, at)
            if match is not None:
                yield match


MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8})
MONTHS.update({"Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12})
WEEKDAYS = {name: number for number, name in enumerate(calendar.day_name)}

_ANY_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH = rf"(?P<month>{_ANY_MONTH})(?![a-z])\.?"
#: A month alone is written in full; "May" only after a preposition (Theresa May, "May I").
_WHOLE_MONTH = "|".join(name for name in calendar.month_name if name and name != "May")
_DAY = r"(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_NO_YEAR = r"(?!,?\s*\d)"  # "Nov. 24" but not "Nov. 24, 1776": a year we do not read
_YEAR = r"(?P<year>1[89][0-9]{2}|20[0-9]{2})(?!\d|,\d)"
_WEEKDAY = "|".join(WEEKDAYS)
_RELATIVE = r"today|tonight|this\s+morning|yesterday|last\s+week"

#: One pass finds month names and weekdays, another four digits (together, they are slower).
#: The first three letters of every month's name, as an alternation.
MONTH_STARTS = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_NAME = re.compile(rf"{MONTH_STARTS}|{_WEEKDAY}")
_FOUR_DIGITS = re.compile(r"[0-9]{4}")
DAY_END = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)?\s+$")

#: Words that may come just before a form, and are then part of its words.
_WEEKDAY_BEFORE = re.compile(rf"(?<!\w)(?:{_WEEKDAY}),?\s+$")
_ON_BEFORE = re.compile(r"(?<!\w)(?i:on)\s+$")
_MONTH_BEFORE = re.compile(
    r"(?<!\w)(?:(?:in|since|during|until|by|early|late|from|through)\s+|mid-)+$", re.IGNORECASE
)
_YEAR_BEFORE = re.compile(
    r"(?<![\w-])(?:in|since|during|until)\s+(?:(?:early|late)\s+|mid-)?$", re.IGNORECASE
)

#: How far back each of them may reach (a few spaces more than their longest words).
_REACH = {_WEEKDAY_BEFORE: 16, _ON_BEFORE: 8, _MONTH_BEFORE: 28, _YEAR_BEFORE: 20}

Read = Callable[[re.Match[str], dt.date | None, str], Reading | None]


@dataclass(frozen=True, slots=True)
class Form:
    """One way of writing a date. Its pattern starts with what names the date (a digit, a
    month, a weekday), which regular expressions find fast; the words allowed before it are
    looked for only where it matched."""

    pattern: re.Pattern[str]
    read: Read
    cues: int
    #: Where the pattern may start: anywhere ("text"), or at an anchor (`_Anchors`): "year",
    #: "month", "weekday", or "day" (a day written before a month).
    start: str = "text"
    needs_p: bool = False
    #: Characters that may not come just before the match (word characters never may).
    not_after: str = ""
    before: re.Pattern[str] | None = None
    before_required: bool = False
    #: How many characters before the match `before` may take.
    reach: int = 0

    def span(self, text: str, match: re.Match[str]) -> tuple[int, int] | None:
        """Where the form's words start and end, or None when the match is not one."""
        start, end = match.span()
        before = text[start - 1] if start else ""
        if before and (before.isalnum() or before == "_" or before in self.not_after):
            return None
        if self.before is not None:
            prefix = self.before.search(text, max(0, start - self.reach), start)
            if prefix is not None:
                return prefix.start(), end
            if self.before_required:
                return None
        return start, end


def _form(
    pattern: str,
    read: Read,
    cues: int,
    *,
    start: str = "text",
    needs_p: bool = False,
    not_after: str = "",
    before: re.Pattern[str] | None = None,
    before_required: bool = False,
) -> Form:
    """A form, sought in a text that has all of `cues`."""
    reach = _REACH.get(before, 0) if before is not None else 0
    compiled = re.compile(pattern)
    return Form(compiled, read, cues, start, needs_p, not_after, before, before_required, reach)


def _match_day(match: re.Match[str], year: int) -> tuple[dt.date, dt.date] | None:
    try:
        day = dt.date(year, MONTHS[match["month"]], int(match["day"]))
    except ValueError:  # 31 September: no such day, no reading
        return None
    return day, day


def _full(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    days = _match_day(match, int(match["year"]))
    return Reading(words, *days, "day") if days else None


def _iso(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    try:
        day = dt.date.fromisoformat(match[0])
    except ValueError:
        return None
    return Reading(words, day, day, "day")


def _day_month(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    days = _match_day(match, p.year) if p else None
    return Reading(words, *days, "day") if days else None


def _month_year(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    return Reading(words, *month_span(int(match["year"]), MONTHS[match["month"]]), "month")


def _month_alone(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    if p is None:
        return None
    month = MONTHS[match["month"]]
    year = p.year if month <= p.month else p.year - 1
    return Reading(words, *month_span(year, month), "month")


def _year(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    year = int(match["year"])
    return Reading(words, dt.date(year, 1, 1), dt.date(year, 12, 31), "year")


def _weekday(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    if p is None:
        return None
    day = p - dt.timedelta(days=(p.weekday() - WEEKDAYS[match["weekday"]]) % 7)
    return Reading(words, day, day, "day")


def _relative(match: re.Match[str], p: dt.date | None, words: str) -> Reading | None:
    if p is None:
        return None
    word = " ".join(words.lower().split())
    if word == "last week":  # Monday to Sunday of the week before P's
        monday = p - dt.timedelta(days=p.weekday() + 7)
        return Reading(words, monday, monday + dt.timedelta(days=6), "day")
    day = p - dt.timedelta(days=1) if word == "yesterday" else p
    return Reading(words, day, day, "day")


ISO_DATE = _form(
    r"(?:1[89]|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(?![\w-])", _iso, YEAR, start="year", not_after="-"
)
FULL_DAY_FIRST = _form(
    rf"{_DAY}\s+{_MONTH},?\s+{_YEAR}", _full, DAY_MONTH | YEAR, start="day", before=_WEEKDAY_BEFORE
)
FULL_MONTH_FIRST = _form(
    rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", _full, MONTH | YEAR, start="month", before=_WEEKDAY_BEFORE
)
DAY_MONTH_FORM = _form(
    rf"{_DAY}\s+{_MONTH}(?!\w){_NO_YEAR}",
    _day_month,
    DAY_MONTH,
    start="day",
    needs_p=True,
    not_after=",.",
    before=_WEEKDAY_BEFORE,
)
MONTH_DAY_FORM = _form(
    rf"{_MONTH}\s+{_DAY}{_NO_YEAR}",
    _day_month,
    MONTH,
    start="month",
    needs_p=True,
    before=_WEEKDAY_BEFORE,
)
MONTH_YEAR_FORM = _form(rf"{_MONTH},?\s+{_YEAR}", _month_year, MONTH | YEAR, start="month")
MONTH_ALONE_FORM = _form(
    rf"(?P<month>{_WHOLE_MONTH})(?![a-z])",
    _month_alone,
    MONTH,
    start="month",
    needs_p=True,
    before=_MONTH_BEFORE,
)
MAY_ALONE_FORM = _form(
    r"(?P<month>May)(?!\w)",
    _month_alone,
    MONTH,
    start="month",
    needs_p=True,
    before=_MONTH_BEFORE,
    before_required=True,
)
YEAR_FORM = _form(_YEAR, _year, YEAR, start="year", before=_YEAR_BEFORE, before_required=True)
WEEKDAY_FORM = _form(
    rf"(?P<weekday>{_WEEKDAY})(?:'s\s+\w+)?(?!\w)",
    _weekday,
    WEEKDAY,
    start="weekday",
    needs_p=True,
    before=_ON_BEFORE,
)
RELATIVE_FORM = _form(rf"(?i:{_RELATIVE})(?!\w)", _relative, RELATIVE, needs_p=True)

#: Every form, most specific first: what a form reads, a later one does not read again.
_FORMS: list[Form] = [
    ISO_DATE,
    FULL_DAY_FIRST,
    FULL_MONTH_FIRST,
    DAY_MONTH_FORM,
    MONTH_DAY_FORM,
    MONTH_YEAR_FORM,
    MONTH_ALONE_FORM,
    MAY_ALONE_FORM,
    YEAR_FORM,
    WEEKDAY_FORM,
    RELATIVE_FORM,
]

#: The forms to seek in a text, by its cues.
FORMS_BY_CUES = [tuple(form for form in _FORMS if form.cues & ~cues == 0) for cues in range(32)]
