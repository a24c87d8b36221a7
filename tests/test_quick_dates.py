"""The quick way to a quote's date (`quickdates`: where the date's own words are) never says a
date is given when the full reading of the text (`dates.readings`) does not give it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.corpus.dates import date_span, readings
from generator.corpus.quickdates import quickly_given

WORDS = [
    *("Monday", "Tuesday", "Sunday", "September", "Sep", "Sept", "October", "Oct", "May", "Nov"),
    *("15", "18", "5", "31", "2014", "2015", "1st", "15th", "2015-09-18", "2014-10-05"),
    *("on", "in", "by", "the", "since", "early", "mid-", "today", "last week", "x"),
    *("May 1st, 2015", "Sept. 3rd", "Aug.", "Sunday's", "Monday, 15", "23September"),
]
SEPARATORS = [" ", " ", ", ", ".", "-", "'s ", ". "]
texts = st.lists(st.sampled_from(WORDS + SEPARATORS), max_size=12).map("".join)
days = st.dates(min_value=dt.date(2014, 8, 1), max_value=dt.date(2015, 12, 31))


def _given(text: str, published: str, date: str) -> bool:
    span = date_span(date)
    return any(reading.covers(span) for reading in readings(text, published))


@given(texts, days, days, st.booleans())
def test_a_date_found_quickly_is_given(text: str, p: dt.date, day: dt.date, month: bool) -> None:
    date = day.isoformat()[:7] if month else day.isoformat()
    if quickly_given(text, p, date_span(date)):
        assert _given(text, p.isoformat(), date)


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("Japan said on Sunday it would send 29 personnel", "2015-08-26", "2015-08-23"),
        ("had arrived near Manbij by September 2, a figure", "2015-09-20", "2015-09-02"),
        ("the plan - drawn up in October - commits", "2015-01-01", "2014-10"),
        ("met on 15 September in Paris", "2014-09-20", "2014-09-15"),
        ("the plan - drawn up in May - commits", "2015-06-01", "2015-05"),
    ],
)
def test_plain_dates_are_found_quickly(text: str, published: str, date: str) -> None:
    assert quickly_given(text, dt.date.fromisoformat(published), date_span(date))


@pytest.mark.parametrize(
    ("text", "published", "date"),
    [
        ("on Sunday, 23 August 2015, Japan said", "2015-08-26", "2015-08-23"),
        ("on Sunday's 24 August talks", "2015-08-26", "2015-08-23"),
        ("by September 2, 2015, a figure", "2015-09-20", "2015-09-02"),
        ("drawn up in October 2014 - commits", "2015-01-01", "2014-10"),
        ("on 5 October the plan", "2015-01-01", "2014-10"),
        ("the report of 2014-09-15 September", "2014-09-20", "2014-09-15"),
        ("Theresa May said", "2015-06-01", "2015-05"),
        ("on May 1st, 2014 they", "2015-06-01", "2015-05-01"),
    ],
)
def test_what_another_form_may_read_is_left_to_the_full_reading(
    text: str, published: str, date: str
) -> None:
    assert not quickly_given(text, dt.date.fromisoformat(published), date_span(date))
