"""\"Cite this fact\": a plain-text reference and CSL-JSON (which Zotero imports) per fact.

The fact's own address is only known in the reader's browser when mkdocs.yml has no
site_url, so both forms carry the placeholder `{URL}`, which the page's script fills in. The
build date and the data version are filled in the same way, from `assets/javascripts/build.js`
(see `build_script`): a page changes only when what it shows changes, not with every edit of
another fact (so `export-docs` rewrites only the pages a change touches).
"""

from __future__ import annotations

import json
from typing import Any

from generator.site.buildinfo import BuildInfo
from generator.site.dates import show_date
from generator.site.views import FactView, SourceInfo

URL = "{URL}"
BUILT = "{BUILT}"
VERSION = "{VERSION}"


def date_parts(value: str) -> dict[str, list[list[int]]]:
    return {"date-parts": [[int(part) for part in value.split("-")]]}


def source_item(info: SourceInfo) -> dict[str, Any]:
    """A source document as a CSL-JSON newspaper article, with only what sources.yml states."""
    item: dict[str, Any] = {"id": info.id, "type": "article-newspaper", "title": info.title}
    if info.outlet:
        item["container-title"] = info.outlet
    if info.author:
        item["author"] = [{"literal": info.author}]
    if info.published:
        item["issued"] = date_parts(info.published)
    if info.url:
        item["URL"] = info.url
    return item


def source_text(info: SourceInfo) -> str:
    known = [
        info.outlet,
        f"\u201c{info.title}\u201d",
        show_date(info.published) if info.published else None,
    ]
    return ", ".join(part for part in known if part)


def sources_of(fact: FactView) -> list[SourceInfo]:
    infos: dict[str, SourceInfo] = {}
    for cited in fact.quotes:
        infos.setdefault(cited.source.id, cited.source)
    return list(infos.values())


def citation(fact: FactView, build: BuildInfo) -> dict[str, Any]:
    """`text` (plain) and `csl` (a CSL-JSON list: the fact, then its sources) of one fact."""
    sources = sources_of(fact)
    fact_item: dict[str, Any] = {
        "id": f"fact-{fact.id}",
        "type": "dataset",
        "title": fact.claim,
        "container-title": build.site_name,
        "URL": URL,
        "note": "Sources: " + "; ".join(source_text(info) for info in sources),
    }
    text = (
        f"\u201c{fact.claim}\u201d {build.site_name}, fact {fact.id}, {URL} "
        f"(built {BUILT}, data version {VERSION}). "
        f"Sources: {'; '.join(source_text(info) for info in sources)}."
    )
    return {"text": text, "csl": [fact_item] + [source_item(info) for info in sources]}


def build_script(build: BuildInfo) -> str:
    """`assets/javascripts/build.js`: the build date and data version the citations give."""
    data = {
        "built": date_parts(build.built)["date-parts"][0],
        "shown": show_date(build.built),
        "version": build.version,
    }
    return f"window.factsheetBuild = {json.dumps(data)};\n"


def citation_json(fact: FactView, build: BuildInfo) -> str:
    """The citation as compact JSON, for the fact's `data-cite` attribute."""
    return json.dumps(citation(fact, build), ensure_ascii=False, separators=(",", ":"))
