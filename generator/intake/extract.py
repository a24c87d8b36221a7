"""A saved web page or a text file -> the article's paragraphs and the metadata it states.

Web pages go through trafilatura (the main text, without navigation, adverts, banners,
related links or scripts) and htmldate (the publication date); a date is taken only from the
page's markup, never guessed from a copyright line or a word in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
_HTML_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
#: Below this many words, an extraction is a paywall, a cookie wall or a page of links.
MIN_WORDS = 50


@dataclass(frozen=True, slots=True)
class Extracted:
    """What was taken from the file: the paragraphs, and each metadata field found (or None)."""

    kind: str  # "web page" or "text file"
    paragraphs: tuple[str, ...]
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    #: The names of the metadata fields the file does not state.
    missing: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """The document as the corpus stores it: one paragraph a line, a blank line between."""
        return "\n\n".join(self.paragraphs) + "\n"

    @property
    def words(self) -> int:
        return sum(len(paragraph.split()) for paragraph in self.paragraphs)


class NotReadable(ValueError):
    """The file is neither a web page nor UTF-8 text."""


def extract(path: Path, raw: bytes) -> Extracted:
    """The article of a saved web page, or the paragraphs of a UTF-8 text file."""
    if is_html(path, raw):
        return extract_html(raw)
    return extract_text(raw)


def is_html(path: Path, raw: bytes) -> bool:
    if b"\0" in raw[:4096]:
        raise NotReadable("it holds binary data (a PDF, an image, an archive?)")
    return path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(raw[:4096]))


def extract_html(raw: bytes) -> Extracted:
    import trafilatura  # imported only by `add`: every other command starts without it

    found = trafilatura.bare_extraction(
        raw,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if found is None:
        return Extracted("web page", (), missing=("title", "outlet", "author", "published", "url"))
    if not isinstance(found, dict):
        found = found.as_dict()
    names = {"title": "title", "outlet": "sitename", "author": "author", "published": "date"}
    fields = {name: found.get(key) for name, key in names.items()} | {"url": found.get("url")}
    return _extracted("web page", paragraphs_of(found.get("text") or ""), fields)


def extract_text(raw: bytes) -> Extracted:
    """A text file is the document as published: its paragraphs are its non-blank lines, its
    title the first of them; it states no other metadata."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotReadable(f"it is not UTF-8 text (byte {error.start} is not UTF-8)") from None
    if any(char < " " and char not in "\t\n\r\f" for char in text):
        raise NotReadable("it holds control characters: it is not a text document")
    paragraphs = paragraphs_of(text.removeprefix("\ufeff"))
    fields = {"title": paragraphs[0] if paragraphs else None}
    fields |= dict.fromkeys(("outlet", "author", "published", "url"))
    return _extracted("text file", paragraphs, fields)


def paragraphs_of(text: str) -> tuple[str, ...]:
    """The non-blank lines, with the spaces around and inside them made single."""
    return tuple(" ".join(line.split()) for line in text.splitlines() if line.strip())


def _extracted(kind: str, paragraphs: tuple[str, ...], fields: dict[str, str | None]) -> Extracted:
    clean = {name: " ".join(value.split()) if value else None for name, value in fields.items()}
    missing = tuple(name for name, value in clean.items() if not value)
    found = {name: value or None for name, value in clean.items()}
    return Extracted(kind, paragraphs, missing=missing, **found)
