"""Every page type of the repository's site in Chromium, at 1280 px and at 390 px.

Each page is checked for what a reader notices (tables without borders, words broken mid-word
in table cells, a page that scrolls sideways on a phone, a flag drawn as a box, a sentence shown
twice), audited with axe-core (no serious or critical violation), and photographed into
test-artifacts/ for a person to look at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from tests.site.test_browser import ARTIFACTS, VIEWPORTS, serve

CHECKS = (Path(__file__).parent / "layout_checks.js").read_text(encoding="utf-8")
PAGES = {
    "home": "index.html",
    "countries": "countries/index.html",
    "country": "countries/au.html",
    "events": "events/index.html",
    "event": "events/paris-conference-2014.html",
    "timeline": "timeline.html",
    "figures": "figures.html",
    "conflicts": "conflicts.html",
    "sources": "sources/index.html",
    "source": "sources/003_f8e25e88ba0ab80b.html",
    "changes": "changes.html",
    "downloads": "downloads/index.html",
    "about": "about.html",
}
SHOT_HEIGHT = 3000  # px of each page photographed, from the top
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def site_url(repo_site: Path) -> Iterator[str]:
    yield from serve(repo_site)


@pytest.fixture(scope="module", params=sorted(VIEWPORTS))
def viewport_page(request: pytest.FixtureRequest, chromium: Browser) -> Iterator[tuple[str, Page]]:
    """One browser tab per width, shared by the pages of this module."""
    context = chromium.new_context(viewport=VIEWPORTS[request.param])
    yield request.param, context.new_page()
    context.close()


def photograph(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    width = page.viewport_size["width"] if page.viewport_size else 1280
    height = min(SHOT_HEIGHT, page.evaluate("document.documentElement.scrollHeight"))
    clip = {"x": 0, "y": 0, "width": width, "height": height}
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, clip=clip)


def serious_violations(page: Page) -> list[str]:
    """axe-core's serious and critical findings on the page, one line each."""
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("kind", sorted(PAGES))
def test_every_page_type_reads_well(
    viewport_page: tuple[str, Page], site_url: str, kind: str
) -> None:
    """The reader's checks at both widths; axe-core at desktop width (its rules read the
    markup and colours, which are the same at both), on the same page load."""
    width, page = viewport_page
    page.goto(site_url + PAGES[kind])
    problems = page.evaluate(CHECKS)
    photograph(page, f"page-{kind}-{width}")
    assert problems == [], f"{kind} at {width}: {problems}"
    if width == "desktop":
        assert serious_violations(page) == [], f"{kind}: axe-core"


NARROW = "width:30px;overflow-wrap:anywhere;border:0"
BAD_PAGE = f"""<!doctype html><html><body><article class="md-content__inner">
<table><tr><td style="{NARROW}">Internationalisation</td></tr></table>
<p>Flag: \U0001f1e6\U0001f1fa</p>
<p>The coalition met in Paris on Monday morning. The coalition met in Paris on Monday morning.</p>
<div style="width:2000px">wide</div>
</article></body></html>"""


def test_the_checks_catch_what_they_look_for(chromium: Browser) -> None:
    context = chromium.new_context(viewport=VIEWPORTS["phone"])
    page = context.new_page()
    page.set_content(BAD_PAGE)
    problems = " | ".join(page.evaluate(CHECKS))
    context.close()
    assert "table cell without borders" in problems
    assert 'word broken across lines in a table cell: "Internationalisation"' in problems
    assert "page scrolls sideways" in problems
    assert "regional-indicator" in problems
    assert 'sentence shown 2 times: "The coalition met in Paris on Monday morning."' in problems
