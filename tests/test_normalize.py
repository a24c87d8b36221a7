"""The normalisation of SPEC.md ("How a quote is matched"), and nothing more."""

from __future__ import annotations

import unicodedata

import pytest

from generator.corpus.normalize import normalize, quote_parts, split_paragraphs, word_count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # curly quotes become straight ones
        ("\u201cexactly the opposite\u201d", '"exactly the opposite"'),
        ("Washington\u2019s \u2018interests\u2019", "Washington's 'interests'"),
        # every dash becomes '-': hyphen, non-breaking hyphen, en dash, em dash, minus
        ("a\u2010b\u2011c\u2013d\u2014e\u2212f", "a-b-c-d-e-f"),
        ("Iran and Russia \u2013 Assad\u2019s allies", "Iran and Russia - Assad's allies"),
        # the ellipsis character becomes three full stops
        ("and then\u2026", "and then..."),
        # no-break spaces and every run of whitespace become one space
        ("600\u00a0personnel", "600 personnel"),
        ("eight  aircraft\tand \u2009 600", "eight aircraft and 600"),
        # line breaks too (a folded YAML quote), and the ends are trimmed
        ("  eight aircraft\nand 600\r\n personnel \n", "eight aircraft and 600 personnel"),
        # NFKC: compatibility characters fold to their plain forms
        ("\ufb01ghters", "fighters"),
        ("\uff16\uff10\uff10", "600"),
    ],
)
def test_normalize(text: str, expected: str) -> None:
    assert normalize(text) == expected


def test_normalize_keeps_case_and_punctuation() -> None:
    text = "The U.S. Insists: 'No!' (really)."
    assert normalize(text) == text


def test_normalize_is_idempotent() -> None:
    once = normalize("\u201cA \u2014 b\u2026\u201d\u00a0 c")
    assert normalize(once) == once


@pytest.mark.parametrize(
    ("quote", "parts"),
    [
        ("one two three four five", ["one two three four five"]),
        ("one two ... three four", ["one two", "three four"]),
        ("one two [...] three four", ["one two", "three four"]),
        ("one two\u2026three four", ["one two", "three four"]),
        ("one two [\u2026] three four", ["one two", "three four"]),
        ("one ... two [...] three", ["one", "two", "three"]),
        ("... one two three", ["one two three"]),
        ("one two three ...", ["one two three"]),
    ],
)
def test_quote_parts_split_at_elisions(quote: str, parts: list[str]) -> None:
    assert quote_parts(normalize(quote)) == parts


@pytest.mark.parametrize(
    ("quote", "words"),
    [
        ("", 0),
        ("Kerry said so", 3),
        ("eight aircraft and 600 personnel", 5),
        ("eight aircraft ... 600 personnel", 4),
        ("eight [...] aircraft", 2),
        ("... ... ...", 0),
    ],
)
def test_word_count_ignores_elision_marks(quote: str, words: int) -> None:
    assert word_count(normalize(quote)) == words


def test_every_dash_becomes_a_hyphen() -> None:
    dashes = [chr(code) for code in range(0x110000) if unicodedata.category(chr(code)) == "Pd"]
    dashes.append("\u2212")  # minus sign (a math symbol, not Pd)
    changed = {f"U+{ord(dash):04X}": normalize(f"a{dash}b") for dash in dashes}
    assert changed == dict.fromkeys(changed, "a-b")


@pytest.mark.parametrize(
    "text",
    [
        "Headline\n\nFirst \u201cquote\u201d \u2014 here.\r\nSecond\u00a0one\u2026\n",
        "one\n \n\tThird  one\t\n",
        "plain ASCII\nlines\n\n",
        "\u00a0\n\ufb01ne \u00bd\u2028next\u2029last\x85end\x1cx",
        "e\u0301\ne\n\u0301x",
        "",
    ],
)
def test_split_paragraphs_normalises_each_non_blank_line(text: str) -> None:
    paragraphs = [line for line in text.splitlines() if line.strip()]
    assert split_paragraphs(text) == (paragraphs, [normalize(line) for line in paragraphs])


@pytest.mark.parametrize(
    ("quote", "words"),
    [("caf\u00e9 au lait", 3), ("snake_case and 3.5", 4), ("\u00e9t\u00e9 ... x", 2)],
)
def test_word_count_counts_runs_of_word_characters(quote: str, words: int) -> None:
    assert word_count(quote) == words
