"""The quick way to a value's statement (by its digits or words, with `str.find`) never finds
what reading the whole quote would not: it may only say less, and then the quote is read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.check.readings import quick_match
from generator.corpus.numbers import occurrences, occurrences_of
from generator.corpus.stated import stated_in
from generator.quantity import Quantity, written

TOKENS = [
    *("twenty", "Twenty", "five", "eight", "ten", "one", "hundred", "million", "x", "a"),
    *("5", "8", "10", "20", "25", "500", "600", "1,000", "1000", "27,600", "27600", "1.5"),
    *("up to", "Up to", "at least", "nearly", "about", "no more than", "more than"),
    *("between", "from", "and", "And", "to", "twenty-five", "twenty five", "A380", "_"),
]
SEPARATORS = [" ", " ", "-", ",", ".", "(", "\u00e9"]
NUMBERS = [0, 1, 5, 8, 10, 20, 25, 500, 600, 1000, 1500000, 5000000, 27600]
QUALIFIERS = [None, "up to", "at least", "nearly", "about", "more than", "no more than"]

texts = st.lists(st.sampled_from(TOKENS + SEPARATORS), max_size=14).map("".join)


@given(texts, st.sampled_from(NUMBERS))
def test_the_occurrences_of_a_number_are_among_all_occurrences(text: str, number: int) -> None:
    assert set(occurrences_of(text, number)) <= set(occurrences(text))


@given(texts, st.sampled_from(NUMBERS), st.sampled_from(QUALIFIERS))
def test_a_quick_match_is_a_match(text: str, number: int, qualifier: str | None) -> None:
    value = Quantity(written(qualifier, number), qualifier, number)
    found = quick_match([text], value)
    if found is not None:
        part, item = found
        assert item in stated_in(part)
        assert (item.low, item.high, item.qualifier) == (number, None, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "found"),
    [
        ("send 29 personnel and eight military advisers", Quantity("8", None, 8), "eight"),
        ("72 field doctors and 930 instructors", Quantity("930", None, 930), "930"),
        ("at least 33,773 surveillance drones", Quantity("at least 33773", "at least", 33773),
         "at least 33,773"),
        ("up to 10 military aircraft", Quantity("up to 10", "up to", 10), "up to 10"),
        ("an 18-month peace plan", Quantity("18", None, 18), "18"),
        ("Twenty-five countries", Quantity("25", None, 25), "Twenty-five"),
    ],
)  # fmt: skip
def test_plain_statements_are_found_quickly(text: str, value: Quantity, found: str) -> None:
    match = quick_match([text], value)
    assert match is not None
    assert text[match[1].start : match[1].end] == found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("between 20,000 and 31,000 fighters", Quantity("20000", None, 20000)),
        ("between 20,000 and 31,000 fighters", Quantity("31000", None, 31000)),
        ("20,000-31,000 fighters", Quantity("20000", None, 20000)),
        ("from 20,000 to 31,000 fighters", Quantity("31000", None, 31000)),
        ("2 million people", Quantity("2", None, 2)),
        ("five hundred and twenty people", Quantity("20", None, 20)),
        ("twenty-five countries", Quantity("5", None, 5)),
        ("twenty-five countries", Quantity("20", None, 20)),
        ("no more than 10 jets", Quantity("more than 10", "more than", 10)),
        ("1.5 million people", Quantity("5", None, 5)),
        ("the A380 and 380 seats", Quantity("up to 380", "up to", 380)),
    ],
)
def test_what_only_the_whole_reading_can_tell_is_left_to_it(text: str, value: Quantity) -> None:
    """Each of these is no match as written, or a range: the quick way must not claim one."""
    assert quick_match([text], value) is None
