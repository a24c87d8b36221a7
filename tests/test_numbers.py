"""Whole numbers in a quote, as SPEC.md says a value must match: digits or English words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.corpus.numbers import numbers_in, occurrences


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("provide eight aircraft and 600 personnel", {8, 600}),
        ("up to 10 military aircraft", {10}),
        # thousands separators
        ("more than 27,600 IS fighters", {27600}),
        ("including about 2,600 foreigners", {2600}),
        ("1,000,000 people", {1000000}),
        # a number ends at punctuation and hyphens
        ("an 18-month peace plan", {18}),
        ("a 600-strong force.", {600}),
        ("it was 600.", {600}),
        ("(600)", {600}),
        # number words, in any case, and compound tens
        ("Eight aircraft", {8}),
        ("NINE jets", {9}),
        ("twenty-five countries", {25}),
        ("Twenty-Five countries", {25}),
        ("twenty countries", {20}),
        ("nineteen and ninety", {19, 90}),
        ("zero tolerance", {0}),
        ("no number here", set()),
    ],
)
def test_numbers_in(text: str, numbers: set[int]) -> None:
    assert numbers_in(text) == numbers


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("about 2,600 foreigners", 600),
        ("more than 27,600 fighters", 600),
        ("more than 27,600 fighters", 27),
        ("1,000,000 people", 1000),
        ("a 1.5 billion budget", 1),
        ("a 1.5 billion budget", 5),
        ("in 2014 alone", 14),
        ("in 2014 alone", 201),
        ("eighteen months", 8),
        ("seventeen", 7),
        ("twenty-five", 5),
        ("twenty-five", 20),
        ("weighty", 8),
        ("someone", 1),
        ("often", 10),
    ],
)
def test_a_number_inside_another_is_not_matched(text: str, absent: int) -> None:
    assert absent not in numbers_in(text)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # ASCII text takes a quicker path than the regex: the same numbers either way
        ("a twenty-five-year-old and six-month plans", {25, 6}),
        ("x-five and -six", set()),
        ("five-twenty-one", {5, 21}),
        ("five-twenty-eleven", {5}),
        ("twenty-eleven", {20}),
        ("-twenty-five", {25}),
        ("twenty- five", {20, 5}),
        ("five5 five_ (five) five, FIVE.", {5}),
        ("seven - eight", {7, 8}),
        ("twenty\u2011five caf\u00e9s", {20, 5}),  # non-ASCII: a non-breaking hyphen is no "-"
        ("\u0663 and 4", {3, 4}),  # Arabic-Indic digit three
    ],
)
def test_numbers_in_hyphenated_words(text: str, numbers: set[int]) -> None:
    assert numbers_in(text) == numbers


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        # number words in sequence are one number, as English writes them
        ("five hundred soldiers", {500}),
        ("Five Hundred soldiers", {500}),
        ("twenty five countries", {25}),
        ("five hundred and twenty soldiers", {520}),
        ("one hundred and twenty-five", {125}),
        ("2 thousand and five", {2005}),
        ("twenty and five", {20, 5}),
        ("two hundred thousand people", {200000}),
        ("2 million people", {2000000}),
        ("1.5 million people", {1500000}),
        ("1.255 hundred", set()),  # not a whole number
        ("1.25 hundred", {125}),
        ("a five-hundred-strong force", {500}),
        # a number next to a number sign that is not a digit is not a whole number
        ("3\u00bd million", set()),
        ("10\u00b2 km", set()),
        ("\u2467 aircraft and 8 ships", {8}),
        # a number too long to be a count is read as nothing (and never raises)
        ("9" * 5000, set()),
    ],
)
def test_numbers_are_read_as_written(text: str, numbers: set[int]) -> None:
    assert numbers_in(text) == numbers


TOKENS = ["twenty", "five", "Five", "eighteen", "hundred", "million", "one", "ten", "x", "5", "600"]


@given(st.lists(st.sampled_from([*TOKENS, " ", "-", ",", "."]), max_size=12))
def test_ascii_text_reads_as_the_regex_reads_any_text(pieces: list[str]) -> None:
    """ASCII text takes a quicker path (no regex for words): the same occurrences as the
    regex path that other text takes (" \u00e9" at the end holds no number)."""
    text = "".join(pieces)
    assert occurrences(text) == occurrences(text + " \u00e9")
