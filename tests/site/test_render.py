"""Rendering and downloads without MkDocs: escaping, strictness, edit links, data files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import UndefinedError

from generator.check.pipeline import run_check
from generator.result import CheckResult
from generator.site.assemble import build_site
from generator.site.downloads import facts_csv, facts_json, safe_cell
from generator.site.edit import EditLinks
from generator.site.pages import build_pages
from generator.site.render import Renderer, front_matter

REPO = Path(__file__).resolve().parents[2]
INJECTION = (
    '<script>alert(origin)</script> [x](javascript:alert(origin)) {: onclick="alert(origin)" }'
    ' {{ "ab"|upper }}'
)


@pytest.fixture(scope="module")
def facts_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    facts = tmp_path_factory.mktemp("repo") / "facts"
    facts.mkdir()
    (facts / "facts.yml").write_bytes((Path(__file__).parent / "fixtures.yml").read_bytes())
    return facts


@pytest.fixture(scope="module")
def checked(facts_dir: Path) -> CheckResult:
    return run_check(REPO / "corpus", facts_dir)


@pytest.fixture(scope="module")
def pages(checked: CheckResult) -> dict[str, str]:
    return build_pages(build_site(checked), Renderer(), "Fact sheet")


def test_every_country_event_and_source_has_a_page(pages: dict[str, str]) -> None:
    expected = {"countries/au.md", "countries/ae.md", "countries/us.md", "countries/zz.md"}
    expected |= {"events/paris-conference-2014.md"}
    expected |= {f"sources/{path.stem}.md" for path in (REPO / "corpus").glob("*.txt")}
    assert expected <= set(pages)


def test_user_text_is_escaped_html(pages: dict[str, str]) -> None:
    page = pages["countries/zz.md"]
    assert "&lt;script&gt;alert(origin)&lt;/script&gt;" in page
    assert "<script" not in page and "<img" not in page
    assert "&lt;img src=x onerror=alert(2)&gt; Zed {{ 7*7 }}" in page
    assert "Zed 49" not in page


def test_user_text_stays_out_of_markdown(pages: dict[str, str]) -> None:
    """Every line holding the claim is inside a raw HTML element, so Markdown never sees it."""
    for page in pages.values():
        for line in page.splitlines():
            if "javascript:alert(1)" in line:
                assert line.startswith("<"), line


def test_titles_are_escaped_in_front_matter() -> None:
    assert front_matter('<b>"Zed"</b>') == (
        '---\ntitle: "&lt;b&gt;&#34;Zed&#34;&lt;/b&gt;"\n---\n\n'
    )


def test_a_missing_field_fails_the_render() -> None:
    renderer = Renderer()
    with pytest.raises(UndefinedError):
        renderer.page("country.md.j2", "countries/xx.md", "X", groups=[], summary="")
    partial = SimpleNamespace(name="X", flag="", code="XX", events=[])
    with pytest.raises(UndefinedError, match="src"):
        renderer.page("countries.md.j2", "countries/index.md", "Countries", countries=[partial])


def test_edit_links_only_with_a_repository(checked: CheckResult, facts_dir: Path) -> None:
    unset = build_pages(build_site(checked), Renderer(), "Fact sheet")
    assert "fs-edit" not in unset["countries/au.md"]
    edit = EditLinks("https://example.org/team/facts/", "main", facts_dir.parent)
    pages = build_pages(build_site(checked, edit), Renderer(), "Fact sheet")
    lines = (facts_dir / "facts.yml").read_text(encoding="utf-8").splitlines()
    line = lines.index("  - id: au-aircraft-personnel-pledge") + 1
    link = f'href="https://example.org/team/facts/blob/main/facts/facts.yml#L{line}"'
    assert link in pages["countries/au.md"]
    assert "Edit this event" in pages["events/paris-conference-2014.md"]


def test_edit_links_refuse_other_schemes(checked: CheckResult) -> None:
    pages = build_pages(
        build_site(checked, EditLinks("javascript:alert(1)")), Renderer(), "Fact sheet"
    )
    assert "fs-edit" not in pages["countries/au.md"]


def test_json_download_holds_every_fact(checked: CheckResult) -> None:
    data = json.loads(facts_json(checked))
    assert [fact["id"] for fact in data["facts"]] == [
        "au-aircraft-personnel-pledge",
        "injection",
        "us-gulf-backing",
    ]
    assert data["facts"][1]["claim"] == INJECTION
    assert data["summary"]["quotes_verified"] == 6
    assert [event["id"] for event in data["events"]] == ["paris-conference-2014"]


def test_csv_download_has_a_row_per_fact_source(checked: CheckResult) -> None:
    rows = list(csv.DictReader(io.StringIO(facts_csv(checked))))
    assert [(row["fact_id"], row["doc"][:3]) for row in rows] == [
        ("au-aircraft-personnel-pledge", "001"),
        ("au-aircraft-personnel-pledge", "003"),
        ("injection", "001"),
        ("us-gulf-backing", "001"),
        ("us-gulf-backing", "003"),
    ]
    assert rows[0]["values"] == "aircraft=8; personnel=600"
    assert rows[1]["values"] == "aircraft=up to 10; personnel=600"
    assert rows[1]["qualifier"] == "aircraft=up to; personnel=exactly"
    assert rows[1]["interval"] == "aircraft=[0, 10]; personnel=[600, 600]"
    assert rows[0]["outlet"] == "VICE News" and rows[1]["published"] == ""


def test_json_download_gives_each_value_as_written_and_each_verdict(checked: CheckResult) -> None:
    facts = {fact["id"]: fact for fact in json.loads(facts_json(checked))["facts"]}
    pledge = facts["au-aircraft-personnel-pledge"]
    assert pledge["sources"][1]["values"] == [
        {
            "key": "aircraft",
            "text": "up to 10",
            "qualifier": "up to",
            "meaning": "at most",
            "interval": [0, 10],
        },
        {
            "key": "personnel",
            "text": "600",
            "qualifier": None,
            "meaning": "exactly",
            "interval": [600, 600],
        },
    ]
    assert pledge["verdicts"] == {"aircraft": "differ", "personnel": "agree"}
    assert facts["us-gulf-backing"]["verdicts"] == {"countries": "contradict"}
    assert facts["injection"]["verdicts"] == {}


def test_conflicts_page_shows_contradictions_then_differences(pages: dict[str, str]) -> None:
    page = pages["conflicts.md"]
    contradictions, differences = page.index("## Contradictions"), page.index("## Differences")
    assert contradictions < page.index('id="fact-us-gulf-backing"') < differences
    assert differences < page.index('id="fact-au-aircraft-personnel-pledge"')
    section = page[differences:]
    assert "<strong>8</strong>" in section and "<strong>up to 10</strong>" in section
    assert "personnel" not in section.split("<thead>")[1].split("</thead>")[0]


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1", "'+1"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Australia", "Australia"),
        ("2014-09", "2014-09"),
    ],
)
def test_csv_cells_cannot_become_formulas(cell: str, safe: str) -> None:
    assert safe_cell(cell) == safe


def test_values_are_shown_as_the_source_wrote_them(pages: dict[str, str]) -> None:
    page = pages["countries/au.md"]
    assert "<strong>up to 10</strong> aircraft" in page
    assert "<strong>10</strong>" not in page  # never the bare number the source hedged
