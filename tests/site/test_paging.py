"""Long lists of facts on numbered pages: a real `mkdocs build --strict` of the repository's
facts with a few facts a page, every fact reachable from its country's first page, every link
(the source pages' "cited by", the timeline, the search index) on the page that shows it."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe
from mkdocs.exceptions import Abort
from playwright.sync_api import Browser

from generator.check.pipeline import run_check
from generator.site.completeness import missing_facts
from generator.site.export import export_docs
from tests.conftest import run_generator
from tests.site.conftest import REPO, build_site, write_config
from tests.site.test_browser import serve
from tests.site.test_build import broken_links

PER_PAGE = 3
NEXT = re.compile(r'<a rel="next" href="([^"]*)">')
FACT_ID = re.compile(r'<h3 class="fs-claim" id="fact-([^"]*)"')


def paged_config(folder: Path, per_page: object) -> Path:
    config = write_config(folder, REPO / "facts")
    options = yaml.safe_load(config.read_text(encoding="utf-8"))
    options["plugins"][1]["factsheet"]["facts_per_page"] = per_page
    config.write_text(yaml.safe_dump(options), encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    folder = tmp_path_factory.mktemp("paged")
    yield build_site(paged_config(folder, PER_PAGE), folder / "site")


def following(site: Path, first: str) -> list[Path]:
    """The pages reached from `first` by its "Next page" links, `first` included."""
    pages = [site / first]
    while found := NEXT.search(pages[-1].read_text(encoding="utf-8")):
        pages.append((pages[-1].parent / found.group(1)).resolve())
    return pages


def listed_facts() -> dict[str, list[str]]:
    """The ids of the facts of each country's and event's page, by that page's path."""
    lists: dict[str, list[str]] = {}
    for entry in run_check(REPO / "corpus", REPO / "facts").context.base.facts:
        for code in dict.fromkeys(entry.model.countries):
            lists.setdefault(f"countries/{code.lower()}.html", []).append(entry.model.id)
        if entry.model.event:
            lists.setdefault(f"events/{entry.model.event}.html", []).append(entry.model.id)
    return lists


def test_every_fact_of_a_country_or_event_is_reached_from_its_first_page(
    paged_site: Path,
) -> None:
    split = set()
    for first, ids in listed_facts().items():
        pages = following(paged_site, first)
        assert len(pages) == math.ceil(len(ids) / PER_PAGE)
        shown = [FACT_ID.findall(page.read_text(encoding="utf-8")) for page in pages]
        assert all(len(facts) <= PER_PAGE for facts in shown)
        assert sorted(fact for facts in shown for fact in facts) == sorted(ids)
        if len(pages) > 1:
            split.add(first.split("/")[0])
    # the repository's facts do fill several pages of countries and of events
    assert split == {"countries", "events"}


def test_an_event_says_what_its_sources_say_on_its_first_page_alone(paged_site: Path) -> None:
    first = paged_site / "events" / "paris-conference-2014.html"
    later = following(paged_site, "events/paris-conference-2014.html")[1:]
    assert later and "What the sources say" in first.read_text(encoding="utf-8")
    assert all("What the sources say" not in page.read_text(encoding="utf-8") for page in later)


def test_every_link_to_a_fact_points_to_the_page_that_shows_it(paged_site: Path) -> None:
    assert broken_links(paged_site) == []
    assert missing_facts(paged_site, REPO / "facts") == []


def test_the_search_finds_each_fact_on_its_numbered_page(paged_site: Path) -> None:
    index = json.loads((paged_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    located = [doc["location"] for doc in index["docs"] if "/page-" in doc["location"]]
    assert located
    for location in located:
        path, _, anchor = location.partition("#")
        assert not anchor or f'id="{anchor}"' in (paged_site / path).read_text(encoding="utf-8")


def test_a_numbered_page_says_which_page_it_is(paged_site: Path) -> None:
    text = (paged_site / "countries" / "fr" / "page-2.html").read_text(encoding="utf-8")
    assert "<title>France, page 2 of " in text
    assert '<strong aria-current="page">2</strong>' in text
    assert '<a rel="prev" href="../fr.html">Previous page</a>' in text


def test_a_page_size_below_one_stops_the_build_with_a_clear_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with pytest.raises(Abort):
        build_site(paged_config(tmp_path, 0), tmp_path / "site")
    assert "facts_per_page in mkdocs.yml must be a whole number >= 1, not 0" in caplog.text
    assert not (tmp_path / "site" / "countries").exists()


def test_export_docs_writes_the_same_numbered_pages(paged_site: Path, tmp_path: Path) -> None:
    config = paged_config(tmp_path, PER_PAGE)
    export_docs(tmp_path / "out", config, None, None, "site")
    exported = {
        path.relative_to(tmp_path / "out").with_suffix("")
        for path in (tmp_path / "out").rglob("page-*.md")
    }
    built = {
        path.relative_to(paged_site).with_suffix("") for path in paged_site.rglob("page-*.html")
    }
    assert exported == built and built


def test_export_docs_refuses_a_page_size_below_one(tmp_path: Path) -> None:
    run = run_generator(
        "export-docs",
        str(tmp_path / "out"),
        "--config",
        str(paged_config(tmp_path, "many")),
        cwd=tmp_path,
    )
    assert run.returncode == 2
    assert "facts_per_page in mkdocs.yml must be a whole number >= 1, not 'many'" in run.stderr
    assert not (tmp_path / "out").exists()


@pytest.fixture(scope="module")
def paged_url(paged_site: Path) -> Iterator[str]:
    yield from serve(paged_site)


def test_a_link_made_before_a_fact_moved_pages_still_reaches_it(
    paged_url: str, chromium: Browser
) -> None:
    """A link to a fact on the first page that now shows on page 3 (facts were added before
    it) finds it there."""
    moved = FACT_ID.findall(urlopen(paged_url + "countries/fr/page-3.html").read().decode("utf-8"))[
        0
    ]
    page = chromium.new_page()
    try:
        page.goto(f"{paged_url}countries/fr.html#fact-{moved}")
        page.wait_for_url(f"**/countries/fr/page-3.html#fact-{moved}")
        assert page.locator(f"#fact-{moved}").is_visible()
    finally:
        page.close()


def test_a_country_lists_its_events_after_its_last_fact(paged_site: Path) -> None:
    pages = following(paged_site, "countries/fr.html")
    texts = [page.read_text(encoding="utf-8") for page in pages]
    assert [('id="events"' in text) for text in texts] == [False] * (len(pages) - 1) + [True]


def test_a_numbered_page_passes_axe_core_with_its_two_pagers(
    paged_url: str, chromium: Browser
) -> None:
    """The pager above the list and the one below it are two navigation landmarks: each has
    a name of its own (axe-core's landmark-unique), and nothing else on the page is amiss."""
    page = chromium.new_page()
    try:
        page.goto(f"{paged_url}countries/fr/page-2.html")
        assert page.locator("nav.fs-pager").count() == 2
        violations = Axe().run(page).response["violations"]
        assert [(found["id"], found["help"]) for found in violations] == []
    finally:
        page.close()
