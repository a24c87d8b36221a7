"""YAML 1.1 "helpfulness" (NO -> false, 0755 -> 493, 1:20 -> 80) never reaches the facts.

A scalar where text is expected reaches the model exactly as written; where a date or a number
is expected, a schema error names the value as written. Nothing else of the file is lost.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load.yaml import load_file

from .workspace import REPO_ROOT, Workspace, assert_good_file_checked, use_pure_python_parser

TRICKY = [
    "NO",
    "no",
    "on",
    "Off",
    "yes",
    "Y",
    "1:20",
    "0755",
    "0x1F",
    "1.10",
    "1e3",
    ".inf",
    "2014-13-45",
]

COUNTRY = """\
countries:
  - code: {code}
    name: {text}
    aliases: [{text}]
events:
  - id: tricky-event
    name: {text}
    date: 2014-09-15
    place: {text}
    countries: [{code}]
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""


@pytest.mark.parametrize("text", TRICKY)
def test_tricky_scalars_reach_the_model_as_written(text: str, workspace: Workspace) -> None:
    workspace.write("facts/tricky.yml", COUNTRY.format(code="NO", text=text))
    outcome = workspace.check()
    base = outcome.result.context.base
    norway = base.country("NO")
    assert norway is not None
    assert (norway.name, norway.aliases) == (text, [text])
    event = base.event("tricky-event")
    assert event is not None
    assert (event.name, event.place, event.date, event.countries) == (
        text,
        text,
        "2014-09-15",
        ["NO"],
    )
    assert_good_file_checked(outcome)


VALUE_FACT = """\
facts:
  - id: tricky-value
    countries: [AU]
    topic: military
    claim: A value written the YAML 1.1 way.
    date: {date}
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
        values: {{aircraft: {value}}}
  - id: untouched-neighbour
    countries: [AU]
    topic: military
    claim: The next fact of the same file.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""


@pytest.mark.parametrize("value", ["0755", "1.10", "1:20", "0x1F", "1e3", "NO", "on", "yes"])
def test_numbers_that_yaml_would_convert_are_schema_errors_naming_them(
    value: str, workspace: Workspace
) -> None:
    workspace.write("facts/tricky.yml", VALUE_FACT.format(date="2014-09", value=value))
    outcome = workspace.check()
    assert outcome.at("facts/tricky.yml") == [(10, "schema")]
    assert f"'{value}' is not a " in outcome.messages("facts/tricky.yml")
    assert outcome.verified_in("facts/tricky.yml") == 1
    assert_good_file_checked(outcome)


@pytest.mark.parametrize(
    ("date", "fragment"),
    [
        ("2014-13-45", "2014-13-45 is not a real date"),
        ("2014-02-30", "2014-02-30 is not a real date"),
        ("1:20", "is '1:20'"),
        ("NO", "is 'NO'"),
        ("20140915", "is '20140915'"),
        ("2014-9-15", "is '2014-9-15'"),
    ],
)
def test_impossible_dates_are_schema_errors_naming_them(
    date: str, fragment: str, workspace: Workspace
) -> None:
    workspace.write("facts/tricky.yml", VALUE_FACT.format(date=date, value=8))
    outcome = workspace.check()
    assert outcome.at("facts/tricky.yml") == [(6, "schema")]
    assert fragment in outcome.messages("facts/tricky.yml")
    assert outcome.verified_in("facts/tricky.yml") == 1
    assert_good_file_checked(outcome)


NULLS = """\
countries:
  - code: NO
    name: "~"
    aliases: ['null', "", ~]
"""


def test_only_plain_tilde_null_and_empty_are_null(either_parser: str, tmp_path: Path) -> None:
    path = tmp_path / "nulls.yml"
    path.write_text(NULLS)
    loaded = load_file(path, "nulls.yml", frozenset({"countries"}))
    assert loaded.diagnostics == []
    assert loaded.items[0].data == {"code": "NO", "name": "~", "aliases": ["null", "", None]}


def test_both_parsers_load_the_real_facts_identically(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pure-Python parser and libyaml give the same items and positions for every file."""
    files = sorted((REPO_ROOT / "facts").rglob("*.yml"))
    sections = frozenset({"countries", "events", "facts"})
    with_libyaml = [load_file(path, path.name, sections) for path in files]
    use_pure_python_parser(monkeypatch)
    with_python = [load_file(path, path.name, sections) for path in files]
    assert with_libyaml == with_python
    assert sum(len(loaded.items) for loaded in with_libyaml) > 100
