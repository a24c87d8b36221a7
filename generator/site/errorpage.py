"""While `mkdocs serve` runs and the facts fail the check: pages that say why.

A build that fails leaves MkDocs holding the browser's request with no word. Instead, when
serving, every generated page of the last good build (and the section indexes) becomes a page
listing the check's diagnostics. MkDocs' live reload then reloads it after the next build,
which shows the real page again once the facts pass. A plain `mkdocs build` still stops.
"""

from __future__ import annotations

from markupsafe import escape

from generator.site.render import front_matter

#: The generated pages the navigation names, shown as error pages even before a good build.
LISTED = (
    "index.md",
    "countries/index.md",
    "events/index.md",
    "sources/index.md",
    "downloads/index.md",
    "timeline.md",
    "figures.md",
    "conflicts.md",
    "changes.md",
)


def error_page(report: str) -> str:
    """A page with the check's report, escaped (diagnostics quote curators' text)."""
    return (
        front_matter("The facts do not pass the check")
        + "# The facts do not pass the check\n\n"
        + '<p class="fs-unstated">This page shows again once the facts pass: save a fix and the'
        + " browser reloads by itself. The check reports:</p>\n\n"
        + f'<pre class="fs-diagnostics">{escape(report)}</pre>\n'
    )


def error_pages(report: str, previous: set[str]) -> dict[str, str]:
    """The error page at every page path of the last good build and of the navigation."""
    page = error_page(report)
    return {src: page for src in sorted(previous | set(LISTED)) if src.endswith(".md")}
