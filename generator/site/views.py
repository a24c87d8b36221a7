"""The site's view of a checked fact base: countries, events, facts and sources, cross-linked."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from generator.checker import CheckResult, Summary
from generator.corpus import Document
from generator.model import Country, Event, Fact
from generator.site import links
from generator.site.conflicts import Conflict, fact_conflicts
from generator.site.dates import flag
from generator.site.edit import EditLinks
from generator.site.furniture import is_furniture
from generator.site.quotes import ParagraphCache, QuoteView, quote_view, sentence_anchor
from generator.validate import Entry


@dataclass(frozen=True, slots=True)
class Ref:
    """A link target: what to call it, which page, which anchor."""

    label: str
    src: str
    anchor: str | None = None


@dataclass(frozen=True, slots=True)
class CountryRef:
    code: str
    name: str
    flag: str
    src: str


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What sources.yml says of a document; None where it says nothing."""

    id: str
    title: str
    src: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True, slots=True)
class CitedQuote:
    quote: QuoteView
    source: SourceInfo


@dataclass(slots=True)
class FactView:
    id: str
    claim: str
    topic: str
    date: str | None
    event: Ref | None
    countries: list[CountryRef]
    quotes: list[CitedQuote]
    conflicts: list[Conflict]
    home: Ref
    edit_url: str | None


@dataclass(slots=True)
class EventView:
    id: str
    name: str
    date: str
    place: str | None
    countries: list[CountryRef]
    quotes: list[CitedQuote]
    src: str
    edit_url: str | None
    facts: list[FactView] = field(default_factory=list)


@dataclass(slots=True)
class CountryView:
    code: str
    name: str
    aliases: list[str]
    flag: str
    src: str
    facts: list[FactView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class SentenceView:
    anchor: str
    text: str
    cited_by: tuple[Ref, ...]
    #: The sentence's text in pieces, each with whether a quote covers it (to mark exactly that).
    segments: tuple[tuple[str, bool], ...] = ()


@dataclass(slots=True)
class SourceView:
    info: SourceInfo
    paragraphs: list[list[SentenceView]]
    citations: int
    #: Per paragraph: whether it is page furniture (headline, caption, sign-up link...).
    furniture: list[bool] = field(default_factory=list)
    #: Per paragraph: the facts and events quoting it, in order, each once.
    citers: list[list[Ref]] = field(default_factory=list)
    #: What the document's metadata does not state ("outlet", "author", ...), said once.
    unstated: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Site:
    summary: Summary
    countries: dict[str, CountryView]
    events: dict[str, EventView]
    facts: list[FactView]
    sources: dict[str, SourceView]


def country_view(country: Country) -> CountryView:
    code = country.code
    return CountryView(code, country.name, country.aliases, flag(code), links.country_page(code))


def source_info(document: Document) -> SourceInfo:
    meta = document.meta
    src = links.source_page(document.id)
    if meta is None:
        return SourceInfo(document.id, document.id, src)
    return SourceInfo(
        document.id, meta.title, src, meta.outlet, meta.author, meta.published, meta.url
    )


def source_view(
    document: Document,
    info: SourceInfo,
    cache: ParagraphCache,
    cited: dict[str, list[Ref]],
    marks: dict[int, list[tuple[int, int]]] | None = None,
) -> SourceView:
    """Every sentence of the document, each with the facts and events that cite it.

    `marks` gives, per paragraph, the raw spans that quotes cover: only those are marked.
    """
    marks = marks or {}
    view = SourceView(info, [], sum(len(refs) for refs in cited.values()))
    for index, text in enumerate(document.paragraphs):
        sentences, citers = [], []
        for number, (start, end) in enumerate(cache.sentences(document.id, index)):
            anchor = sentence_anchor(index, number)
            refs = tuple(cited.get(anchor, ()))
            citers += [ref for ref in refs if ref not in citers]
            pieces = segments(text, start, end, marks.get(index, []))
            sentences.append(SentenceView(anchor, text[start:end], refs, pieces))
        view.paragraphs.append(sentences)
        view.citers.append(citers)
        view.furniture.append(not citers and is_furniture(text, info.title))
    view.unstated = unstated(info)
    return view


def segments(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> tuple[tuple[str, bool], ...]:
    """text[start:end] cut where the quoted spans begin and end, each piece with "is quoted"."""
    cuts = {start, end}
    for left, right in spans:
        cuts.update(point for point in (left, right) if start < point < end)
    points = sorted(cuts)
    pieces: list[tuple[str, bool]] = []
    for left, right in itertools.pairwise(points):
        quoted = any(a <= left and right <= b for a, b in spans)
        if pieces and pieces[-1][1] == quoted:
            pieces[-1] = (pieces[-1][0] + text[left:right], quoted)
        else:
            pieces.append((text[left:right], quoted))
    return tuple(pieces)


def unstated(info: SourceInfo) -> list[str]:
    """The metadata fields sources.yml leaves out for a document, in reading order."""
    fields = (
        ("outlet", info.outlet),
        ("author", info.author),
        ("date of publication", info.published),
        ("original address", info.url),
    )
    return [name for name, value in fields if not value]


def country_refs(codes: list[str], countries: dict[str, CountryView]) -> list[CountryRef]:
    refs = []
    for code in dict.fromkeys(codes):
        view = countries.get(code)
        name, src = (view.name, view.src) if view else (code, links.country_page(code))
        refs.append(CountryRef(code, name, flag(code), src))
    return refs


def event_view(
    entry: Entry[Event],
    quotes: list[CitedQuote],
    countries: dict[str, CountryView],
    edit: EditLinks,
) -> EventView:
    event = entry.model
    return EventView(
        event.id,
        event.name,
        event.date,
        event.place,
        country_refs(event.countries, countries),
        quotes,
        links.event_page(event.id),
        edit.url(entry),
    )


def fact_view(
    entry: Entry[Fact], quotes: list[CitedQuote], site: Site, edit: EditLinks
) -> FactView:
    fact = entry.model
    event = site.events.get(fact.event) if fact.event else None
    refs = country_refs(fact.countries, site.countries)
    home = Ref(fact.claim, refs[0].src, links.fact_anchor(fact.id))
    return FactView(
        fact.id,
        fact.claim,
        fact.topic,
        fact.date,
        Ref(event.name, event.src) if event else None,
        refs,
        quotes,
        fact_conflicts(fact),
        home,
        edit.url(entry),
    )


def cited_quotes(result: CheckResult, cache: ParagraphCache) -> dict[int, list[CitedQuote]]:
    """The quote views of every event and fact, keyed by the id() of its entry."""
    infos: dict[str, SourceInfo] = {}
    by_owner: dict[int, list[CitedQuote]] = {}
    for check in result.context.quotes:
        view = quote_view(check, cache)
        document = result.context.corpus.documents.get(view.doc_id)
        if view.doc_id not in infos:
            infos[view.doc_id] = (
                source_info(document)
                if document
                else SourceInfo(view.doc_id, view.doc_id, links.source_page(view.doc_id))
            )
        by_owner.setdefault(id(check.owner), []).append(CitedQuote(view, infos[view.doc_id]))
    return by_owner
