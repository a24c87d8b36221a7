"""Schema messages in the curator's words: did-you-mean for every closed vocabulary, places
named as a curator says them, and one message for one mistake."""

from __future__ import annotations

import pytest

from generator.load.factbase import parse_fact_file

FACT = """\
countries:
  - code: {code}
    name: Australia
facts:
  - id: {ident}
    countries: [{country}]
    event: {event}
    topic: {topic}
    claim: Australia pledged eight aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        {quote_key}: Australia said it would provide eight aircraft and 600 personnel.
        values: {{{value_name}: 8}}
"""
RIGHT = {
    "code": "AU",
    "ident": "au-pledge",
    "country": "AU",
    "event": "paris-conference-2014",
    "topic": "military",
    "quote_key": "quote",
    "value_name": "aircraft",
}

MISTAKES = {
    "topic": ("militray", "'topic' is 'militray'; did you mean 'military'?"),
    "code": ("au", "'code' is 'au': did you mean 'AU'?"),
    "country": ("au", "the first country is 'au': did you mean 'AU'?"),
    "event": ("Paris-Conference-2014", "did you mean 'paris-conference-2014'?"),
    "ident": ("AU pledge", "'id' is 'AU pledge': did you mean 'au-pledge'?"),
    "value_name": ("Aircraft", "the first source's value name is 'Aircraft': did you mean"),
    "quote_key": ("qoute", "unknown field 'qoute'; did you mean 'quote'?"),
}


def messages(**mistake: str) -> list[str]:
    text = FACT.format(**{**RIGHT, **mistake})
    return [item.message for item in parse_fact_file("facts/f.yml", text.encode()).diagnostics]


def test_the_right_file_has_no_schema_message() -> None:
    assert messages() == []


@pytest.mark.parametrize("field", MISTAKES)
def test_one_mistake_is_one_message_with_its_did_you_mean(field: str) -> None:
    typed, expected = MISTAKES[field]

    (message,) = messages(**{field: typed})

    assert expected in message
    assert ".0" not in message  # no 0-based schema path beside the curator's words


def test_a_source_s_field_is_named_as_a_curator_says_it() -> None:
    text = FACT.format(**RIGHT).replace("        values: {aircraft: 8}\n", "        values: 8\n")

    (message,) = [item.message for item in parse_fact_file("f.yml", text.encode()).diagnostics]

    assert message.startswith("the first source's 'values' must be a mapping")


def test_a_misspelt_section_gets_its_did_you_mean() -> None:
    text = FACT.format(**RIGHT).replace("facts:\n", "fakts:\n")

    (message,) = [item.message for item in parse_fact_file("f.yml", text.encode()).diagnostics]

    assert message == (
        "unknown top-level key 'fakts'; did you mean 'facts:'? use countries:, events:, facts:"
    )


def test_a_country_named_instead_of_coded_is_told_to_use_the_code() -> None:
    (message,) = messages(country="Australia")

    assert message == (
        "the first country is 'Australia': must be an ISO 3166-1 alpha-2 code in capitals, "
        "like 'AU' (the code: of its countries: entry, not its name)"
    )
