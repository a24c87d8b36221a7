"""Whole numbers in a quote, as SPEC.md says a value must match: digits or English words."""

from __future__ import annotations

import pytest

from generator.corpus.numbers import numbers_in


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
