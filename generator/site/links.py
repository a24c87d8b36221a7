"""Where generated pages live, and relative links between them (as MkDocs would write them)."""

from __future__ import annotations

import posixpath

#: Facts on one page of a country or an event; the rest continue on numbered pages.
FACTS_PER_PAGE = 1000


def country_page(code: str) -> str:
    return f"countries/{code.lower()}.md"


def event_page(event_id: str) -> str:
    return f"events/{event_id}.md"


def source_page(doc_id: str) -> str:
    return f"sources/{doc_id}.md"


def page_src(first: str, number: int) -> str:
    """The path of page `number` of a list whose first page is `first` (`countries/au.md` ->
    `countries/au/page-2.md`: in a folder, where no country's or event's own page can be)."""
    return first if number == 1 else f"{first.removesuffix('.md')}/page-{number}.md"


def fact_anchor(fact_id: str) -> str:
    return f"fact-{fact_id}"


def page_url(src: str, directory_urls: bool = True) -> str:
    """The site path of a page's output, like `countries/au/` for `countries/au.md`."""
    stem = src.removesuffix(".md")
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


class Linker:
    """Relative links from one page (called in templates as `url(target, anchor)`)."""

    def __init__(self, src: str, directory_urls: bool = True, source: bool = False) -> None:
        self.directory_urls = directory_urls
        #: Links to the Markdown files, from the page's own file (as Zensical resolves them).
        self.source = source
        here = src if source else page_url(src, directory_urls)
        self.base = (here.rstrip("/") if here.endswith("/") else posixpath.dirname(here)) or "."

    def __call__(self, target: str, anchor: str | None = None) -> str:
        path = target
        if target.endswith(".md") and not self.source:
            path = page_url(target, self.directory_urls)
        relative = relative_path(path or ".", self.base)
        if not path or path.endswith("/"):
            relative = "./" if relative == "." else relative + "/"
        return relative + (f"#{anchor}" if anchor else "")


def relative_path(path: str, start: str) -> str:
    """`posixpath.relpath(path, start)` for relative paths, worked out on the strings alone."""
    if path.startswith("/") or start.startswith("/") or ".." in path or ".." in start:
        return posixpath.relpath(path, start)  # needs the working directory
    to = [part for part in path.split("/") if part not in ("", ".")]
    here = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(to), len(here)) and to[common] == here[common]:
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."
