"""Well-formed YAML of the wrong shape: a schema error at the value, the rest still checked."""

from __future__ import annotations

import pytest

from .workspace import Workspace, assert_good_file_checked

QUOTE = "Australia said it would provide eight aircraft and 600 personnel to help combat IS."

#: A fact whose line 9 (the quote) or 10 (a spare line) each case replaces.
FACT = """\
facts:
  - id: shaped-fact
    countries: {countries}
    topic: military
    claim: {claim}
    sources:
      - doc: 001_45c1c8414a270103
        {quote_line}
        {extra}
  - id: good-neighbour
    countries: [AU]
    topic: military
    claim: The next fact of the same file.
    sources:
      - doc: 001_45c1c8414a270103
        quote: {quote}
"""


def fact(
    *,
    quote_line: str = f"quote: {QUOTE}",
    extra: str = "values: {aircraft: 8}",
    countries: str = "[AU]",
    claim: str = "A claim.",
) -> str:
    return FACT.format(
        quote_line=quote_line, extra=extra, countries=countries, claim=claim, quote=QUOTE
    )


CASES = {
    "misspelt-field": (fact(extra="qoute: x"), 9, "unknown field 'qoute'; did you mean 'quote'?"),
    "unknown-field": (fact(extra="url: http://x"), 9, "unknown field 'url'"),
    "quote-list": (
        fact(quote_line="quote: [a]"),
        8,
        "the first source's 'quote' must be a single text",
    ),
    "quote-mapping": (fact(quote_line="quote: {a: b}"), 8, "not a mapping"),
    "values-number": (fact(extra="values: 8"), 9, "the first source's 'values'"),
    "values-list": (fact(extra="values: [8]"), 9, "the first source's 'values'"),
    "values-bad-key": (fact(extra="values: {Air Craft: 8}"), 9, "Air Craft"),
    "values-negative": (fact(extra="values: {aircraft: -8}"), 9, "'-8' is not a whole number"),
    "countries-text": (fact(countries="AU"), 3, "'countries' must be a list"),
    "countries-lowercase": (fact(countries="[au]"), 3, "is 'au'"),
    "quote-empty": (fact(quote_line='quote: ""'), 8, "must not be empty"),
    "quote-null": (fact(quote_line="quote:"), 8, "the first source's 'quote' is empty"),
    "quote-spaces": (fact(quote_line='quote: "   "'), 8, "must not be empty"),
    "quote-nbsp-only": (fact(quote_line='quote: "\\u00a0\\u2003"'), 8, "must not be empty"),
    "claim-empty": (fact(claim='""'), 5, "must not be empty"),
}

INVISIBLE = {
    "ZERO WIDTH SPACE": "\u200b",
    "ZERO WIDTH NO-BREAK SPACE": "\ufeff",
    "RIGHT-TO-LEFT OVERRIDE": "\u202e",
    "LEFT-TO-RIGHT ISOLATE": "\u2066",
    "SOFT HYPHEN": "\u00ad",
}


@pytest.mark.parametrize("name", CASES)
def test_wrong_shapes_are_schema_errors_at_the_value(name: str, workspace: Workspace) -> None:
    content, line, fragment = CASES[name]
    workspace.write("facts/shaped.yml", content)
    outcome = workspace.check()
    assert outcome.at("facts/shaped.yml") == [(line, "schema")]
    assert fragment in outcome.messages("facts/shaped.yml")
    assert outcome.verified_in("facts/shaped.yml") == 1
    assert_good_file_checked(outcome)


@pytest.mark.parametrize("name", INVISIBLE)
@pytest.mark.parametrize("written", ["raw", "escaped"])
def test_invisible_characters_in_a_quote_are_refused(
    name: str, written: str, workspace: Workspace
) -> None:
    char = INVISIBLE[name]
    hidden = char if written == "raw" else f"\\u{ord(char):04x}"
    quote = QUOTE.replace("eight", f"eig{hidden}ht")
    workspace.write("facts/shaped.yml", fact(quote_line=f'quote: "{quote}"'))
    outcome = workspace.check()
    assert outcome.at("facts/shaped.yml") == [(8, "schema")]
    assert name in outcome.messages("facts/shaped.yml")
    assert_good_file_checked(outcome)


@pytest.mark.parametrize("name", ["RIGHT-TO-LEFT OVERRIDE", "ZERO WIDTH SPACE"])
def test_invisible_characters_in_a_claim_are_refused(name: str, workspace: Workspace) -> None:
    claim = f'"Australia {INVISIBLE[name]}pledged aircraft."'
    workspace.write("facts/shaped.yml", fact(claim=claim))
    outcome = workspace.check()
    assert outcome.at("facts/shaped.yml") == [(5, "schema")]
    assert name in outcome.messages("facts/shaped.yml")
    assert_good_file_checked(outcome)
