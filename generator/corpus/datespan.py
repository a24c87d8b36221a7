"""A date as curators write it (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`) and as words of a quote give
it: a span of days with a precision, and whether one supports the other."""

from __future__ import annotations

import calendar
import datetime as dt
from functools import lru_cache
from typing import Literal, NamedTuple

Precision = Literal["day", "month", "year"]
_RANK: dict[Precision, int] = {"day": 0, "month": 1, "year": 2}
#: A date's first and last day, and its precision.
Span = tuple[dt.date, dt.date, Precision]


class Reading(NamedTuple):
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
        return self.covers(date_span(given))

    def covers(self, span: Span) -> bool:
        """`supports`, for a date's span (`date_span`): when many readings meet one date."""
        first, last, precision = span
        if _RANK[precision] < _RANK[self.precision]:
            return False
        return self.first <= last and first <= self.last


@lru_cache(maxsize=4096)  # a fact base repeats its dates
def date_span(given: str) -> Span:
    """The first and last day of a date written `YYYY-MM-DD`, `YYYY-MM` or `YYYY`."""
    parts = [int(part) for part in given.split("-")]
    if len(parts) == 3:
        day = dt.date(parts[0], parts[1], parts[2])
        return day, day, "day"
    if len(parts) == 2:
        return (*month_span(parts[0], parts[1]), "month")
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), "year"


def month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)
