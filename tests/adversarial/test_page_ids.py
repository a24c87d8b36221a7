"""Ids name pages and folders of the site: none may replace a generated page or be too long.

`events/index.md` is the events index, so an event `id: index` silently replaced it; a
300-character id passed the check and crashed the build (a folder name is at most 255 bytes).
Every id that becomes a page's name is checked against the pages the site generates, and every
id is at most MAX_ID_LENGTH characters.
"""

from __future__ import annotations

import pytest

from generator.model import MAX_ID_LENGTH, RESERVED_IDS
from generator.site import links
from generator.site.assemble import build_site
from generator.site.pages import build_pages
from generator.site.render import Renderer

from .workspace import Workspace, assert_good_file_checked

QUOTE = "Australia said it would provide eight aircraft and 600 personnel to help combat IS."
EVENT = """\
events:
  - id: {ident}
    name: An event
    sources:
      - doc: 001_45c1c8414a270103
        quote: {quote}
"""
FACT = """\
facts:
  - id: {ident}
    countries: [AU]
    topic: other
    claim: A fact.
    sources:
      - doc: 001_45c1c8414a270103
        quote: {quote}
"""


def shared_pages(workspace: Workspace) -> set[str]:
    """The generated pages in the folders of event and source pages that are no item's own
    (the indexes): computed from a real build of the pages, not listed."""
    result = workspace.check().result
    site = build_site(result)
    pages = build_pages(site, Renderer(), "Fact sheet")
    own = {view.src for view in site.events.values()}
    own |= {view.info.src for view in site.sources.values()}
    folders = {links.event_page("x").split("/")[0], links.source_page("x").split("/")[0]}
    return {page for page in pages if page.split("/")[0] in folders and page not in own}


def test_every_shared_page_name_is_reserved(workspace: Workspace) -> None:
    shared = shared_pages(workspace)
    assert shared >= {"events/index.md", "sources/index.md"}
    for page in shared:
        assert page.split("/")[-1].removesuffix(".md") in RESERVED_IDS


@pytest.mark.parametrize("ident", sorted(RESERVED_IDS))
def test_a_reserved_event_id_is_a_schema_error(ident: str, workspace: Workspace) -> None:
    workspace.write("facts/reserved.yml", EVENT.format(ident=ident, quote=QUOTE))
    outcome = workspace.check()
    assert outcome.at("facts/reserved.yml") == [(2, "schema")]
    assert "reserved" in outcome.messages("facts/reserved.yml")
    assert_good_file_checked(outcome)


@pytest.mark.parametrize("template", [EVENT, FACT], ids=["event", "fact"])
def test_ids_longer_than_the_bound_are_schema_errors(template: str, workspace: Workspace) -> None:
    longest = "a" * MAX_ID_LENGTH
    workspace.write("facts/longest.yml", template.format(ident=longest, quote=QUOTE))
    workspace.write("facts/long.yml", template.format(ident=longest + "b", quote=QUOTE))
    workspace.write("facts/huge.yml", template.format(ident="-".join(["ab"] * 100), quote=QUOTE))
    outcome = workspace.check()
    assert outcome.at("facts/longest.yml") == []
    for name in ("facts/long.yml", "facts/huge.yml"):
        assert outcome.at(name) == [(2, "schema")]
        assert f"longer than {MAX_ID_LENGTH} characters" in outcome.messages(name)
    assert_good_file_checked(outcome)


def test_a_document_named_index_is_not_a_source_page(workspace: Workspace) -> None:
    sources = workspace.corpus / "sources.yml"
    text = sources.read_text(encoding="utf-8")
    sources.write_text(text.replace("001_45c1c8414a270103", "index"), encoding="utf-8")
    (workspace.corpus / "001_45c1c8414a270103.txt").rename(workspace.corpus / "index.txt")
    outcome = workspace.check()
    found = [(d.file, d.code) for d in outcome.result.diagnostics if "index" in d.message]
    assert ("corpus/sources.yml", "schema") in found
