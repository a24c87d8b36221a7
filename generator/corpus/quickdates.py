"""A quick way to tell that a quote's words give a date, against the published date P: where
the date's own words must be (its weekday; its month, with or without its day), found by
`str.find` rather than by reading every date of the text (`dates.readings`).

Each place found is read by its form, as the full reading reads it there, and only where no
form read before it could take the same words: a weekday right before a day or a month (a
full date's), a day or month next to another number. Where this finds nothing, the full
reading must tell: it never says a date is given when the full reading would not.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from generator.corpus.dateforms import (
    DAY_END,
    DAY_MONTH_FORM,
    MAY_ALONE_FORM,
    MONTH_ALONE_FORM,
    MONTH_DAY_FORM,
    MONTH_STARTS,
    MONTHS,
    WEEKDAY_FORM,
    Form,
)
from generator.corpus.datespan import Span

#: The names of each month as `MONTHS` has them (September, Sep, Sept), by number.
_NAMES = {
    number: [name for name, value in MONTHS.items() if value == number] for number in range(1, 13)
}
#: The names of weekdays and months (`calendar`'s look each up anew).
_WEEKDAYS = tuple(calendar.day_name)
_MONTHS = tuple(calendar.month_name)
#: What may follow a weekday that a full date or a day and month would take with it.
_DATE_AFTER_WEEKDAY = re.compile(rf",?\s+(?:[0-9]|{MONTH_STARTS})")
#: What may follow a day and month that another form would read with them: a year, a
#: month (after a day), a day; after the rest of an ordinal or an abbreviation, which a
#: pattern may give back to find a match (`May 1` of `May 1st, 2015`).
_MORE_AFTER = re.compile(rf"(?:st|nd|rd|th)?\.?,?\s*(?:[0-9]|{MONTH_STARTS})")
#: A number next to a month alone (a day or a year of it, read by another form).
_NUMBER_AFTER_MONTH = re.compile(r"\.?,?\s*[0-9]")


def quickly_given(text: str, p: dt.date | None, span: Span) -> bool:
    """Whether `text` surely gives the date of `span` (a day or a month) against P: True only
    where the full reading finds it too."""
    first, _, precision = span
    if p is None:
        return False
    if precision == "day":
        return _weekday(text, p, first) or _day_and_month(text, p, first)
    if precision == "month":
        return _month(text, p, first)
    return False


def _weekday(text: str, p: dt.date, day: dt.date) -> bool:
    """`Monday` read against P: the last such day on or before P."""
    if not 0 <= (p - day).days <= 6:
        return False
    name = _WEEKDAYS[day.weekday()]
    for at in _places(text, name):
        end = at + len(name)
        if _DATE_AFTER_WEEKDAY.match(text, end) or text[end : end + 2] == "'s":
            continue  # `Monday, 15 September`, `Monday's 15`: another form may take it
        if text[max(at - 20, 0) : at].rstrip().endswith("'s"):
            continue  # `Sunday's Monday`: an earlier weekday's words
        if _reads(WEEKDAY_FORM, text, at, p, day):
            return True
    return False


def _day_and_month(text: str, p: dt.date, day: dt.date) -> bool:
    """`15 September` or `September 15` (no year) read in P's year."""
    if day.year != p.year:
        return False
    places = dict.fromkeys(at for name in _NAMES[day.month] for at in _places(text, name))
    return any(_day_and_month_at(text, at, p, day) for at in places)  # Sep, Sept: one place


def _day_and_month_at(text: str, at: int, p: dt.date, day: dt.date) -> bool:
    """The day and month whose month is at `at`: the day before it, else the day after it."""
    found = DAY_END.search(text, max(0, at - 8), at)  # as `Anchors` finds a day
    if found is None:
        return _reads(MONTH_DAY_FORM, text, at, p, day, after=_MORE_AFTER)
    if text[found.start() - 1 : found.start()] == "-":
        return False  # perhaps the end of an ISO date
    return _reads(DAY_MONTH_FORM, text, found.start(), p, day, after=_MORE_AFTER)


def _month(text: str, p: dt.date, first: dt.date) -> bool:
    """`in October` read against P: the last such month on or before P's."""
    name = _MONTHS[first.month]
    form = MAY_ALONE_FORM if name == "May" else MONTH_ALONE_FORM  # May only after `in`...
    for at in _places(text, name):
        day_before = DAY_END.search(text, max(0, at - 12), at)
        if day_before or _NUMBER_AFTER_MONTH.match(text, at + len(name)):
            continue  # a day or a year of it: another form reads the month
        if _reads(form, text, at, p, first):
            return True
    return False


def _places(text: str, word: str) -> list[int]:
    """Where `word` starts a word of `text` (not after a letter, digit or `_`)."""
    found, at = [], text.find(word)
    while at >= 0:
        before = text[at - 1 : at]
        if not (before.isalnum() or before == "_"):
            found.append(at)
        at = text.find(word, at + 1)
    return found


def _reads(
    form: Form, text: str, at: int, p: dt.date, day: dt.date, after: re.Pattern[str] | None = None
) -> bool:
    """Whether `form` matches at `at` and reads a date that holds `day` (the first of its
    month, for a month), with nothing after it that `after` finds."""
    match = form.pattern.match(text, at)
    if match is None or form.span(text, match) is None:
        return False
    if after is not None and after.match(text, match.end()):
        return False
    reading = form.read(match, p, "")
    return reading is not None and reading.first <= day <= reading.last
