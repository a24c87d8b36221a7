"""The curated fact base keeps its coverage: these figures may grow, never silently shrink."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.model import Fact
from generator.site.conflicts import CONTRADICT, DIFFER, key_reports

ROOT = Path(__file__).resolve().parent.parent
Entry = dict[str, Any]
DOCUMENTS = sorted(path.stem for path in (ROOT / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def summary() -> dict[str, Any]:
    command = [sys.executable, "-m", "generator", "check", "--format", "json"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    summary: dict[str, Any] = json.loads(result.stdout)["summary"]
    return summary


def load_section(section: str) -> list[Entry]:
    """Every entry of one top-level key across facts/, with every scalar kept a string."""
    found: list[Entry] = []
    for path in sorted((ROOT / "facts").rglob("*.yml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader) or {}
        found.extend(data.get(section, []))
    return found


@pytest.fixture(scope="module")
def facts() -> list[Entry]:
    return load_section("facts")


def test_the_check_is_clean(summary: dict[str, Any]) -> None:
    assert (summary["errors"], summary["warnings"]) == (0, 0)
    assert summary["quotes_verified"] == summary["quotes"]


def test_enough_countries_events_and_facts(summary: dict[str, Any]) -> None:
    assert summary["documents"] == len(DOCUMENTS)
    assert summary["countries"] >= 20
    assert summary["events"] >= 12
    assert summary["facts"] >= 120


def test_every_country_has_a_fact(facts: list[Entry]) -> None:
    defined = {country["code"] for country in load_section("countries")}
    with_facts = {code for fact in facts for code in fact["countries"]}
    assert sorted(defined - with_facts) == []


def test_every_document_is_cited_by_eight_facts(facts: list[Entry]) -> None:
    citing = Counter(doc for fact in facts for doc in {source["doc"] for source in fact["sources"]})
    assert {doc: citing[doc] for doc in DOCUMENTS if citing[doc] < 8} == {}


def test_a_contradiction_and_a_difference_in_precision(facts: list[Entry]) -> None:
    """The conflicts page shows both kinds: 30 vs 26 countries attending the Paris conference
    contradict; 8 vs up to 10 Australian aircraft differ (eight is up to ten)."""
    verdicts = {}
    for fact in facts:
        for conflict in key_reports(Fact.model_validate(fact)):
            verdicts[(fact["id"], conflict.key)] = conflict.verdict
    assert verdicts[("paris-conference-attendance", "countries")] == CONTRADICT
    assert verdicts[("au-aircraft-personnel-pledge", "aircraft")] == DIFFER
