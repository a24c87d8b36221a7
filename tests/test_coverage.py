"""The curated fact base holds together, whatever its size: no count here is a target.

Every country defined acts in some fact's quote, every event is reached from a fact or the
timeline, every document is cited, and no reader-facing text names a document by its id.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import Fact
from generator.site.conflicts import CONTRADICT, DIFFER, key_reports

ROOT = Path(__file__).resolve().parent.parent
Entry = dict[str, Any]
DOCUMENTS = sorted(path.stem for path in (ROOT / "corpus").glob("*.txt"))


def load_section(section: str) -> list[Entry]:
    """Every entry of one top-level key across facts/, with every scalar kept a string."""
    found: list[Entry] = []
    for path in sorted((ROOT / "facts").rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        found.extend(data.get(section) or [])
    return found


@pytest.fixture(scope="module")
def facts() -> list[Entry]:
    return load_section("facts")


@pytest.fixture(scope="module")
def events() -> list[Entry]:
    return load_section("events")


def names_country(country: Entry, text: str) -> bool:
    """Whether `text` names the country (name or alias) as a whole word, as the checker reads."""
    names = sorted({country["name"], *country.get("aliases", [])}, key=len, reverse=True)
    pattern = "|".join(re.escape(name) for name in names)
    return re.search(rf"(?<!\w)(?:{pattern})(?!\w)", " ".join(text.split())) is not None


def test_the_check_is_clean() -> None:
    command = [sys.executable, "-m", "generator", "check", "--strict", "--format", "json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert (summary["errors"], summary["warnings"]) == (0, 0)
    assert summary["quotes_verified"] == summary["quotes"]
    assert summary["documents"] == len(DOCUMENTS)


def test_every_country_acts_in_some_facts_quote(facts: list[Entry]) -> None:
    """A country is listed because a text makes it an actor, never to fill a list."""

    def acts(country: Entry) -> bool:
        return any(
            country["code"] in fact["countries"]
            and any(names_country(country, source["quote"]) for source in fact["sources"])
            for fact in facts
        )

    countries = load_section("countries")
    assert countries
    assert [country["code"] for country in countries if not acts(country)] == []


def test_every_event_is_reached_from_a_fact_or_the_timeline(
    facts: list[Entry], events: list[Entry]
) -> None:
    """An event is on the timeline when dated; an undated one needs a fact that links to it."""
    linked = {fact["event"] for fact in facts if "event" in fact}
    assert events
    assert [
        event["id"] for event in events if event["id"] not in linked and not event.get("date")
    ] == []


def test_every_document_is_cited_by_some_fact(facts: list[Entry]) -> None:
    cited = {source["doc"] for fact in facts for source in fact["sources"]}
    assert [doc for doc in DOCUMENTS if doc not in cited] == []


def document_mentions(text: str) -> list[str]:
    """The document ids, or their number prefixes (`000`, `article 003`), that `text` names."""
    found = []
    for doc in DOCUMENTS:
        number = doc.split("_")[0]
        if doc in text or re.search(rf"(?<![\w,.]){re.escape(number)}(?!\w)", text):
            found.append(doc)
    return found


def test_no_reader_facing_text_names_a_document_id(facts: list[Entry], events: list[Entry]) -> None:
    """Claims, event names and places speak of outlets and articles, never of internal ids."""
    texts = [(fact["id"], fact["claim"]) for fact in facts]
    texts += [(event["id"], f"{event['name']} {event.get('place', '')}") for event in events]
    assert [
        (ident, document_mentions(text)) for ident, text in texts if document_mentions(text)
    ] == []


def test_document_mentions_reads_ids_not_numbers() -> None:
    first = DOCUMENTS[0]
    number = first.split("_")[0]
    assert document_mentions(f"as article {number} says") == [first]
    assert document_mentions(f"see {first}") == [first]
    assert document_mentions(f"20,{number} fighters and 1.{number}") == []


def test_a_contradiction_and_a_difference_in_precision(facts: list[Entry]) -> None:
    """The conflicts page shows both kinds: 30 vs 26 countries attending the Paris conference
    contradict; 8 vs up to 10 Australian aircraft differ (eight is up to ten)."""
    verdicts = {}
    for fact in facts:
        for conflict in key_reports(Fact.model_validate(fact)):
            verdicts[(fact["id"], conflict.key)] = conflict.verdict
    assert verdicts[("paris-conference-attendance", "countries")] == CONTRADICT
    assert verdicts[("au-aircraft-personnel-pledge", "aircraft")] == DIFFER
