"""Splitting a paragraph into sentences: abbreviations and initials do not end one."""

from __future__ import annotations

from itertools import pairwise

import pytest

from generator.corpus.sentences import split_sentences


def sentences(paragraph: str) -> list[str]:
    return [paragraph[start:end] for start, end in split_sentences(paragraph)]


def test_plain_sentences() -> None:
    assert sentences("Kerry spoke. Fabius agreed! Did Abbott? Yes.") == [
        "Kerry spoke.",
        "Fabius agreed!",
        "Did Abbott?",
        "Yes.",
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "New Iraq Coalition Not a 2003 Redux, U.S. Insists on it.",
        "The U.S. Army and the U.K. Government agreed.",
        "Mr. Kerry and Mrs. Clinton met Dr. Smith.",
        "Speaking on Tuesday, Nov. 24, 2015, the president said so.",
        "Gen. John Allen leads the coalition.",
        "The analyst J. Smith disagreed.",
    ],
)
def test_abbreviations_do_not_end_a_sentence(paragraph: str) -> None:
    assert sentences(paragraph) == [paragraph]


def test_quotes_and_brackets_close_a_sentence() -> None:
    paragraph = '"It is global," Hollande said. "So the response must be global." He left.'
    assert sentences(paragraph) == [
        '"It is global," Hollande said.',
        '"So the response must be global."',
        "He left.",
    ]


def test_a_lowercase_word_after_a_full_stop_continues_the_sentence() -> None:
    paragraph = "The figure was 2.5 per cent. of the total, officials said."
    assert sentences(paragraph) == [paragraph]


def test_spans_cover_the_paragraph_in_order() -> None:
    paragraph = "One sentence here.  Another one follows. And a last one without a stop"
    spans = split_sentences(paragraph)
    assert spans[0][0] == 0
    assert spans[-1][1] == len(paragraph)
    for (_, end), (start, _) in pairwise(spans):
        assert end <= start
        assert paragraph[end:start].strip() == ""


def test_empty_paragraph_has_no_sentences() -> None:
    assert split_sentences("") == []


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("He met Gen. Allen. Then he left.", ["He met Gen. Allen.", "Then he left."]),
        ("It rained.\n", ["It rained."]),
        ("Done!  Next one.", ["Done!", "Next one."]),
        ("A. B. Smith spoke. Yes.", ["A. B. Smith spoke.", "Yes."]),
    ],
)
def test_the_word_before_a_full_stop_decides(paragraph: str, expected: list[str]) -> None:
    assert sentences(paragraph) == expected


def test_stops_followed_by_stops_and_closers() -> None:
    assert sentences("Really?! Yes.\u201d (He left.) Then.") == [
        "Really?!",
        "Yes.\u201d",
        "(He left.)",
        "Then.",
    ]
    assert sentences("Wait... What? No. . A") == ["Wait... What?", "No. .", "A"]
