"""Dates read from a quote, as SPEC.md's "A date comes from the texts" lists them: every form,
supported and not, with and without the document's published date (P)."""

from __future__ import annotations

import pytest

from generator.corpus.dates import DateSource, date_sources, date_span, gives, readings, unread

P_2014 = "2014-09-15"  # a Monday (001's published date)
P_2015 = "2015-11-26"  # a Thursday

CASES = [
    # A full date supports that day, its month and its year, with or without P.
    ("met on 15 September 2014 in Paris", None, "2014-09-15", True),
    ("met on 15 September 2014 in Paris", None, "2014-09-16", False),
    ("met on 15 September 2014 in Paris", None, "2014-09", True),
    ("met on 15 September 2014 in Paris", None, "2014", True),
    ("met on 15 September 2014 in Paris", None, "2014-10", False),
    ("met on September 15, 2014 in Paris", None, "2014-09-15", True),
    ("met on September 15, 2014 in Paris", None, "2014-09-14", False),
    ("met on Sept. 15, 2014 in Paris", None, "2014-09-15", True),
    ("met on Sept. 15, 2014 in Paris", None, "2015-09-15", False),
    ("the photo of Nov. 24, 2015 shows", None, "2015-11-24", True),
    ("the photo of Nov. 24, 2015 shows", None, "2015-11-23", False),
    ("met Sep 15 2014 in Paris", None, "2014-09-15", True),
    ("met Sep 15 2014 in Paris", None, "2014-09-05", False),
    ("the report of 2014-09-15 says", None, "2014-09-15", True),
    ("the report of 2014-09-15 says", None, "2014-09-16", False),
    ("on 31 September 2014, no such day", None, "2014-09", False),
    # A weekday written before a full date is part of it: not read again against P.
    ("on Tuesday, Nov. 24, 2015, Turkey", "2015-12-01", "2015-11-24", True),
    ("on Tuesday, Nov. 24, 2015, Turkey", "2015-12-01", "2015-12-01", False),
    # A day and month without a year: that day in P's year; nothing without P.
    ("caption dated Nov. 24 shows", P_2015, "2015-11-24", True),
    ("caption dated Nov. 24 shows", P_2015, "2014-11-24", False),
    ("caption dated Nov. 24 shows", None, "2015-11-24", False),
    ("since the November 13 wave of attacks", P_2015, "2015-11-13", True),
    ("since the November 13 wave of attacks", P_2015, "2015-11-14", False),
    ("on 24 November the jet fell", P_2015, "2015-11-24", True),
    ("on 24 November the jet fell", P_2015, "2015-11", True),
    ("takes place on September 18.", P_2014, "2014-09-18", True),
    ("takes place on September 18.", None, "2014-09-18", False),
    ("on Nov. 24, 1776 it was", P_2015, "2015-11-24", False),
    # A month and year supports that month and its year, not a day in it.
    ("an offensive in June 2014 that", None, "2014-06", True),
    ("an offensive in June 2014 that", None, "2014", True),
    ("an offensive in June 2014 that", None, "2014-06-10", False),
    ("an offensive in June 2014 that", None, "2014-07", False),
    ("since Sept. 2014 the coalition", None, "2014-09", True),
    # A month alone: the last such month up to P; nothing without P.
    ("a shock offensive in June this year", P_2014, "2014-06", True),
    ("a shock offensive in June this year", P_2014, "2014", True),
    ("a shock offensive in June this year", P_2014, "2014-06-10", False),
    ("a shock offensive in June this year", P_2014, "2013-06", False),
    ("a shock offensive in June this year", None, "2014-06", False),
    ("airstrikes in Iraq since August", P_2014, "2014-08", True),
    ("talks held in September", P_2014, "2014-09", True),
    ("talks held in October", P_2014, "2013-10", True),
    ("talks held in October", P_2014, "2014-10", False),
    ("elections due in May", P_2014, "2014-05", True),
    ("Theresa May said the talks", P_2014, "2014-05", False),
    # A year, after `in` or `since`, supports that year only.
    ("fighting in Syria since 2011, the", None, "2011", True),
    ("fighting in Syria since 2011, the", None, "2011-05", False),
    ("fighting in Syria since 2011, the", None, "2012", False),
    ("elected in 2011 as president", None, "2011", True),
    ("elected in 2011 as president", P_2014, "2014", False),
    ("sent 2011 troops to the front", None, "2011", False),
    # A weekday: the last such day up to and including P; nothing without P.
    ("the talks on Monday were", P_2014, "2014-09-15", True),
    ("Monday's conference agreed", P_2014, "2014-09-15", True),
    ("Monday's conference agreed", P_2014, "2014-09-22", False),
    ("Monday's conference agreed", None, "2014-09-15", False),
    ("Germany on Friday banned", P_2014, "2014-09-12", True),
    ("Germany on Friday banned", P_2014, "2014-09-19", False),
    ("Germany on Friday banned", P_2014, "2014-09", True),
    ("at Sunday's conference in Paris", P_2014, "2014-09-14", True),
    ("at Sunday's conference in Paris", P_2014, "2014-09-21", False),
    ("Kerry met Mondays and Fridays", P_2014, "2014-09-15", False),
    # today, tonight, this morning: P itself; yesterday: the day before.
    ("the ministers said today that", P_2014, "2014-09-15", True),
    ("the ministers said today that", P_2014, "2014-09-14", False),
    ("the ministers said today that", None, "2014-09-15", False),
    ("Tonight the president speaks", P_2014, "2014-09-15", True),
    ("agreed this morning to", P_2014, "2014-09-15", True),
    ("agreed this morning to", P_2014, "2014-09-16", False),
    ("beheaded yesterday in Syria", P_2014, "2014-09-14", True),
    ("beheaded yesterday in Syria", P_2014, "2014-09-15", False),
    ("beheaded yesterday in Syria", None, "2014-09-14", False),
    # last week: Monday to Sunday of the week before P's.
    ("Last week, Obama said", P_2014, "2014-09-08", True),
    ("Last week, Obama said", P_2014, "2014-09-14", True),
    ("Last week, Obama said", P_2014, "2014-09-15", False),
    ("Last week, Obama said", P_2014, "2014-09-07", False),
    ("Last week, Obama said", P_2014, "2014-09", True),
    ("downed a Russian warplane last week", P_2015, "2015-11-16", True),
    ("downed a Russian warplane last week", P_2015, "2015-11-22", True),
    ("downed a Russian warplane last week", P_2015, "2015-11-23", False),
    ("downed a Russian warplane last week", "2015-12-07", "2015-11", True),
    ("downed a Russian warplane last week", "2015-12-07", "2015-12", True),
    ("downed a Russian warplane last week", None, "2015-11", False),
    # A published date known only to the month is no P.
    ("the talks on Monday were", "2014-09", "2014-09-15", False),
    # Words that give no date.
    ("The members agreed to provide military assistance", P_2014, "2014-09-15", False),
    ("the march on the capital", P_2014, "2014-03", False),
]


@pytest.mark.parametrize(("text", "published", "given", "supported"), CASES)
def test_a_quote_supports_exactly_the_dates_its_words_give(
    text: str, published: str | None, given: str, supported: bool
) -> None:
    found = readings(text, published)
    assert any(reading.supports(given) for reading in found) is supported, found
    assert gives(text, published, date_span(given)) is supported  # the check's quick way


@pytest.mark.parametrize(
    ("text", "published", "words", "shown"),
    [
        ("Monday's conference agreed", P_2014, "Monday's conference", "2014-09-15"),
        ("Germany on Friday banned", P_2014, "on Friday", "2014-09-12"),
        ("Last week, Obama said", P_2014, "Last week", "2014-09-08 to 2014-09-14"),
        ("a shock offensive in June this year", P_2014, "in June", "2014-06"),
        ("fighting since 2011, the", None, "since 2011", "2011"),
        ("on Tuesday, Nov. 24, 2015, Turkey", None, "Tuesday, Nov. 24, 2015", "2015-11-24"),
    ],
)
def test_a_reading_keeps_its_words(text: str, published: str, words: str, shown: str) -> None:
    [reading] = readings(text, published)
    assert (reading.words, reading.shown()) == (words, shown)


def test_readings_come_in_the_order_of_the_words() -> None:
    found = readings("Monday's talks, planned since 2011, follow those of 2014-09-01", P_2014)
    assert [reading.words for reading in found] == ["Monday's talks", "since 2011", "2014-09-01"]


def test_a_source_says_where_its_date_comes_from() -> None:
    quotes = [("001_x", ["Monday's conference agreed"]), ("003_y", ["on Friday ... in 2011"])]
    found = date_sources(quotes, {"001_x": P_2014})
    assert [source.describe() for source in found] == [
        '2014-09-15 from "Monday\'s conference" in 001_x, published 2014-09-15',
        '2011 from "in 2011" in 003_y',
    ]
    assert found[0] == DateSource(found[0].reading, "001_x", P_2014)


def test_unread_names_the_words_that_need_a_published_date() -> None:
    text = "on Friday, after the November 13 attacks and last week's talks, in 2011"
    assert unread(text) == ["on Friday", "November 13", "last week"]
