"""Two commands from a saved article to a published fact: `add`, then a fact quoting it; the
real MkDocs build shows the source's provenance and links the quote into the original."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

import pytest
import yaml

from generator.audit import audit_site
from generator.hosts import configured_hosts
from generator.intake.command import run_add
from generator.intake.extract import extract
from generator.intake.plan import Request
from tests.site.conftest import REPO, build_site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

PAGES = Path(__file__).parent / "pages"
URL = "https://www.coastalledger.example/news/2024/03/harbour-wall-vote.html"
ARCHIVED = "https://web.archive.org/web/20240312/" + URL
DOC = "005_18ba017cb2c28ec2"
FACT = """\
countries:
  - code: GB
    name: United Kingdom
facts:
  - id: sea-wall-plan
    countries: [GB]
    topic: political
    claim: The plan will raise the sea wall by 1.2 metres along 600 metres and add flood gates.
    sources:
      - doc: 005_18ba017cb2c28ec2
        quote: The plan, approved by seven votes to two, will raise the wall by 1.2 metres
          along a 600-metre stretch and add flood gates at the slipway.
"""
ORIGINAL = re.compile(r'<a class="fs-original" href="([^"]+)" rel="nofollow noopener">')


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("added")
    corpus = folder / "corpus"
    shutil.copytree(REPO / "corpus", corpus)
    page = PAGES / "harbour-wall.html"
    assert run_add(Request(page, corpus, "2024-03-13", archived_url=ARCHIVED)) == 0
    (folder / "facts").mkdir()
    (folder / "facts" / "facts.yml").write_text(FACT, encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    shutil.copytree(REPO / "docs", folder / "docs")
    config["docs_dir"] = str(folder / "docs")
    config["plugins"] = [{"factsheet": {"facts": "facts", "corpus": "corpus"}}]
    (folder / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return build_site(folder / "mkdocs.yml", folder / "site")


def test_the_source_page_links_the_original_and_its_archived_copy(site: Path) -> None:
    page = (site / "sources" / f"{DOC}.html").read_text(encoding="utf-8")
    assert f'<a href="{URL}" rel="nofollow noopener">{URL}</a>' in page
    assert f'(<a href="{ARCHIVED}" rel="nofollow noopener">archived copy</a>)' in page
    assert "<dt>Retrieved</dt><dd>13 March 2024</dd>" in page
    (cited,) = re.findall(r'<a class="fs-original" href="([^"]+)"[^>]*>', page)
    start, end = html.unescape(cited).removeprefix(URL + "#:~:text=").split(",")
    assert (unquote(start), unquote(end)) == (
        "The plan, approved by seven",
        "flood gates at the slipway.",
    )


def test_a_source_without_an_address_says_it_is_not_recorded(site: Path) -> None:
    page = (site / "sources" / "001_45c1c8414a270103.html").read_text(encoding="utf-8")
    # said once, with whatever else its metadata leaves out (the site's "unstated" line)
    assert re.search(r"The text does not state its [^;]*original address;", page)
    assert "<dt>Original</dt>" not in page
    assert "Retrieved" not in page


def test_the_quote_links_to_its_text_in_the_original(site: Path) -> None:
    page = (site / "countries" / "gb.html").read_text(encoding="utf-8")
    (link,) = ORIGINAL.findall(page)
    address, directive = html.unescape(link).split("#:~:text=")
    assert address == URL
    start, end = directive.split(",")
    assert re.fullmatch(r"[A-Za-z0-9!$'()*+./:;=?@_~%]+", start + end)  # no bare - , & or space
    assert (unquote(start), unquote(end)) == (
        "The plan, approved by seven",
        "flood gates at the slipway.",
    )
    original = extract(PAGES / "harbour-wall.html", (PAGES / "harbour-wall.html").read_bytes())
    sentence = next(p for p in original.paragraphs if p.startswith(unquote(start)))
    assert sentence.index(unquote(end)) > len(unquote(start))  # both ends in one paragraph


def test_chromium_scrolls_the_original_to_the_quote(site: Path, chromium: Browser) -> None:
    """The link, followed in a real browser, on the saved page standing in for the original."""
    page = (site / "countries" / "gb.html").read_text(encoding="utf-8")
    (link,) = ORIGINAL.findall(page)
    saved = (PAGES / "harbour-wall.html").as_uri()
    followed = html.unescape(link).replace(URL, saved)
    tab = chromium.new_page(viewport={"width": 400, "height": 240})
    try:
        assert _quoted_paragraph_top(tab, saved) > 240  # below the fold without the fragment
        top = _quoted_paragraph_top(tab, followed)
        assert 0 <= top < 240  # scrolled to the quoted paragraph
    finally:
        tab.close()


def _quoted_paragraph_top(tab: Page, address: str) -> float:
    tab.goto("about:blank")
    tab.goto(address)
    tab.wait_for_timeout(300)  # the text fragment is scrolled to after the load
    script = """() => [...document.querySelectorAll('p')]
        .find(p => p.textContent.startsWith('The plan, approved')).getBoundingClientRect().top"""
    return float(tab.evaluate(script))


def test_the_built_site_passes_the_audit(site: Path) -> None:
    assert audit_site(site, configured_hosts(site.parent / "mkdocs.yml"))[1] == []
