"""Guard against an empty site: every fact of the fact files is on its country's built page.

A builder that skips the MkDocs plugin (Zensical reads mkdocs.yml and ignores it) publishes the
hand-written pages alone, without an error: this check, run on the built site whatever built
it, fails such a build.
"""

from __future__ import annotations

from pathlib import Path

from generator.audit import Finding
from generator.check.pipeline import load_facts, read_facts
from generator.site.links import fact_anchor


def missing_facts(site: Path, facts: Path) -> list[Finding]:
    """A finding for each fact of `facts` whose anchor is not on its country's pages of `site`
    (one finding when none is)."""
    base = load_facts(read_facts(facts))
    pages: dict[str, str] = {}
    missing = []
    for entry in base.facts:
        fact = entry.model
        code = fact.countries[0].lower()
        if code not in pages:
            pages[code] = _page_text(site, code)
        if f'id="{fact_anchor(fact.id)}"' not in pages[code]:
            missing.append(fact.id)
    if base.facts and len(missing) == len(base.facts):
        message = (
            f"none of the {len(base.facts)} facts of {facts} is on the site: it was built "
            "without the generated pages (by a builder that skipped the factsheet plugin? "
            "build with mkdocs, or write the pages first with `python -m generator export-docs`)"
        )
        return [Finding(str(site), 1, 1, message)]
    return [Finding(str(site), 1, 1, f"fact {fact_id} is not on the site") for fact_id in missing]


def _page_text(site: Path, code: str) -> str:
    """The text of the country's built page and of its numbered pages (`countries/au/page-2`)."""
    folder = site / "countries" / code
    pages = [folder / "index.html", site / "countries" / f"{code}.html"]
    pages += sorted(folder.glob("page-*.html")) + sorted(folder.glob("page-*/index.html"))
    return "".join(
        page.read_text(encoding="utf-8", errors="replace") for page in pages if page.is_file()
    )
