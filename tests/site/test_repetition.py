"""Every event and country page of the repository's site shows each sentence once.

The browser test checks one page of each type; this reads every event and country page's HTML
with the same rule as tests/site/layout_checks.js (what the page writes: claims, quotes and
prose; not a document's own text, the lists of who quotes it, source captions,
cross-references or chart labels), which takes a fraction of a second for all of them.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

SKIPPED_CLASSES = {"fs-text", "fs-citers", "fs-quote-ref"}
SKIPPED_TAGS = {"figcaption", "svg", "script", "style"}
VOID = {"br", "img", "input", "meta", "link", "hr", "wbr"}
BLOCKS = {"p", "li", "h1", "h2", "h3", "blockquote", "dd", "dt", "td", "th", "div", "article"}


class ContentText(HTMLParser):
    """The text of the page's <article>, lines broken at blocks, skipped parts left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: whether it is skipped
        self.inside = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self.inside += 1
        self.stack.append(tag in SKIPPED_TAGS or bool(classes & SKIPPED_CLASSES))
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID and self.stack:
            self.stack.pop()
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.inside and not any(self.stack):
            self.parts.append(data)


def repeated_sentences(page: Path) -> list[str]:
    parser = ContentText()
    parser.feed(page.read_text(encoding="utf-8"))
    text = "".join(parser.parts)
    pieces = (" ".join(raw.split()) for raw in re.split(r"(?<=[.!?])\s+|\n+", text))
    counts = Counter(piece for piece in pieces if len(piece.split()) >= 6)
    return [f"{count}x {sentence[:80]}" for sentence, count in counts.items() if count > 1]


def test_no_event_or_country_page_repeats_a_sentence(repo_site: Path) -> None:
    pages = sorted([*repo_site.glob("events/*.html"), *repo_site.glob("countries/*.html")])
    found = {page.name: repeated_sentences(page) for page in pages}
    assert len(pages) > 30
    assert {name: found for name, found in found.items() if found} == {}


def test_the_rule_finds_a_repeated_sentence(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    sentence = "The coalition met in Paris on Monday morning."
    page.write_text(
        f'<article class="md-content__inner"><h3>{sentence}</h3>'
        f"<blockquote><mark>{sentence}</mark></blockquote>"
        f"<figcaption>{sentence}</figcaption></article>",
        encoding="utf-8",
    )
    assert repeated_sentences(page) == [f"2x {sentence}"]
