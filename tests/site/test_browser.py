"""The built site in headless Chromium: click through to a source sentence, injection inert."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page

from tests.site.conftest import REPO

ARTIFACTS = REPO / "test-artifacts"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
INJECTION = (
    '<script>alert(origin)</script> [x](javascript:alert(origin)) {: onclick="alert(origin)" }'
    ' {{ "ab"|upper }}'
)


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def small_url(small_site: Path) -> Iterator[str]:
    yield from serve(small_site)


@pytest.fixture(scope="module")
def repo_url(repo_site: Path) -> Iterator[str]:
    yield from serve(repo_site)


@pytest.fixture
def page(chromium: Browser) -> Iterator[Page]:
    context = chromium.new_context(viewport=VIEWPORTS["desktop"])
    opened = context.new_page()
    dialogs: list[str] = []
    opened.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    yield opened
    context.close()
    assert dialogs == [], "a script ran and opened a dialog"


def test_a_source_link_lands_on_the_highlighted_sentence(page: Page, small_url: str) -> None:
    page.goto(small_url + "countries/au.html")
    fact = page.locator("article.fs-fact", has=page.locator("#fact-au-aircraft-personnel-pledge"))
    fact.locator("a.fs-sentence-link").first.click()
    page.wait_for_url("**/sources/001_45c1c8414a270103.html#p*-s*")
    target = page.locator(":target")
    assert target.count() == 1
    assert "fs-cited" in str(target.get_attribute("class"))
    mark = target.locator("mark")
    assert mark.inner_text() == (
        "Australia said it would provide eight aircraft and 600 personnel to help combat IS."
    )
    assert mark.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 213, 79)"
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < VIEWPORTS["desktop"]["height"]
    citers = page.locator("p:has(:target) + ul.fs-citers")
    citers.get_by_role("link", name="Australia pledged combat aircraft and 600 personnel.").click()
    page.wait_for_url("**/countries/au.html#fact-au-aircraft-personnel-pledge")


def test_the_injection_claim_shows_literally_and_runs_nothing(page: Page, small_url: str) -> None:
    page.goto(small_url + "countries/zz.html")
    claim = page.locator("#fact-injection")
    assert claim.inner_text() == INJECTION
    assert claim.locator("*").count() == 0
    assert page.locator("h1").inner_text().endswith("<img src=x onerror=alert(2)> Zed {{ 7*7 }}")
    assert page.locator("img[src=x], [onclick], a[href^='javascript']").count() == 0
    page.goto(small_url + "events/paris-conference-2014.html")
    assert page.locator("h1").inner_text() == "Paris conference <b>on</b> *Iraq*"
    page.goto(small_url + "timeline.html")
    assert page.get_by_text(INJECTION).count() == 1


def test_a_date_shows_where_it_comes_from_and_undated_stays_undated(
    page: Page, small_url: str
) -> None:
    origin = (
        '15 September 2014, from "Monday\'s conference", VICE News, published 15 September 2014'
    )
    page.goto(small_url + "countries/us.html")
    card = page.locator("article.fs-fact", has=page.locator("#fact-us-gulf-backing"))
    assert card.locator(".fs-fact-meta").inner_text().startswith(origin)
    page.goto(small_url + "timeline.html")
    dated = page.locator("ul.fs-timeline li").first
    assert dated.inner_text().startswith(origin)
    assert dated.locator("a").inner_text().startswith("Representatives including the US")
    assert page.locator("h2", has_text="Undated").count() == 1
    entries = page.locator(".fs-undated-list li a")
    assert entries.first.inner_text() == "Paris conference <b>on</b> *Iraq*"
    assert page.locator(".fs-undated-list .fs-date").count() == 0
    page.goto(small_url + "events/paris-conference-2014.html")
    assert page.locator(".fs-meta dd").first.inner_text() == "Undated"


def test_the_conflicts_page_shows_contradictions_then_differences(
    page: Page, repo_url: str
) -> None:
    """Built from our own facts: 30 vs 26 countries at the Paris conference contradict; 8 vs up
    to 10 Australian aircraft differ; each figure as its source wrote it; both sections in the
    page's table of contents."""
    page.goto(repo_url + "conflicts.html")
    toc = page.locator("nav.md-nav--secondary").first.inner_text()
    assert toc.index("Contradictions") < toc.index("Differences")
    headings = page.locator("h2")
    assert [headings.nth(i).inner_text() for i in range(headings.count())][:2] == [
        "Contradictions",
        "Differences",
    ]
    contradiction = page.locator("#fact-paris-conference-attendance")
    figures = contradiction.locator("td.fs-value").all_inner_texts()
    assert figures == ["30", "26", "26"]
    difference = page.locator("#fact-au-aircraft-personnel-pledge")
    assert difference.locator("td.fs-value").all_inner_texts() == ["8", "up to 10"]
    first, second = top(page.locator("h2#contradictions")), top(page.locator("h2#differences"))
    assert first < top(contradiction) < second < top(difference)


def top(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"]


def test_a_fact_card_shows_what_an_elision_left_out(page: Page, repo_url: str) -> None:
    """The quote "... John Kerry has been pressuring allies ... saying nearly 40 countries
    ...": the words between the two parts are shown, struck through, after a [...] mark; the
    value is shown with the source's hedge."""
    page.goto(repo_url + "countries/us.html")
    card = page.locator(
        "article.fs-fact", has=page.locator("#fact-kerry-nearly-40-countries-agreed-to-contribute")
    )
    cut = card.locator(".fs-elided").first
    assert cut.locator(".fs-elision-mark").inner_text() == "[…]"
    left_out = cut.locator("del").inner_text().strip()
    assert left_out and "nearly 40" not in left_out
    assert cut.evaluate("e => getComputedStyle(e.querySelector('del')).textDecorationLine") == (
        "line-through"
    )
    assert any("nearly 40" in text for text in card.locator(".fs-values").all_inner_texts())


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_screenshots(chromium: Browser, repo_url: str, viewport: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    context = chromium.new_context(viewport=VIEWPORTS[viewport])
    page = context.new_page()
    shots = {
        "home": "",
        "country": "countries/au.html",
        "source": "sources/001_45c1c8414a270103.html#p16-s2",
    }
    for name, path in shots.items():
        page.goto(repo_url + path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth > innerWidth")
        assert not overflow, f"{name} scrolls sideways at {viewport} width"
        page.screenshot(path=str(ARTIFACTS / f"site-{name}-{viewport}.png"))
    context.close()


def test_a_fact_can_be_cited_in_plain_text_and_csl_json(page: Page, small_url: str) -> None:
    page.goto(small_url + "events/paris-conference-2014.html")
    fact = page.locator("article.fs-fact", has=page.locator("#fact-au-aircraft-personnel-pledge"))
    permalink = fact.locator("a.fs-permalink")
    assert permalink.inner_text() == "#au-aircraft-personnel-pledge"
    address = small_url + "countries/au.html#fact-au-aircraft-personnel-pledge"
    assert permalink.evaluate("a => a.href") == address
    assert fact.get_by_role("button", name="Copy link").is_visible()
    fact.get_by_role("button", name="Cite").click()
    text = fact.locator(".fs-cite-text").inner_text()
    assert text.startswith("\u201cAustralia pledged combat aircraft and 600 personnel.\u201d")
    assert address in text and "built 1 January 2015" in text
    assert "VICE News, \u201cAnti-Islamic State Coalition" in text
    items = json.loads(fact.locator(".fs-cite-csl").inner_text())
    assert items[0]["type"] == "dataset" and items[0]["URL"] == address
    assert items[0]["title"] == "Australia pledged combat aircraft and 600 personnel."
    assert items[0]["accessed"] == {"date-parts": [[2015, 1, 1]]}
    vice = next(item for item in items if item.get("container-title") == "VICE News")
    assert vice["type"] == "article-newspaper"
    assert vice["issued"] == {"date-parts": [[2014, 9, 15]]}
    assert vice["author"] == [{"literal": "John Beck"}]
