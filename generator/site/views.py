"""The site's view of a checked fact base: countries, events, facts and sources, cross-linked."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from generator.corpus.dates import date_sources
from generator.corpus.documents import Document
from generator.load.validate import Entry
from generator.match.verify import QuoteCheck
from generator.model import Country, Event, Fact
from generator.result import CheckResult, Summary
from generator.site import links
from generator.site.conflicts import Conflict, fact_conflicts
from generator.site.dates import flag
from generator.site.edit import EditLinks
from generator.site.fragments import text_fragment_link
from generator.site.furniture import is_furniture
from generator.site.quotes import ParagraphCache, QuoteView, quote_view, sentence_anchor


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
    archived_url: str | None = None
    retrieved: str | None = None


@dataclass(frozen=True, slots=True)
class CitedQuote:
    quote: QuoteView
    source: SourceInfo
    #: The quoted text in the original article (a text fragment link), when its address is known.
    original: str | None = None


@dataclass(frozen=True, slots=True)
class DateOrigin:
    """Where a date comes from: the words of a quote that give it, and the quote's source."""

    words: str
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
    date_origin: DateOrigin | None = None


@dataclass(slots=True)
class EventView:
    id: str
    name: str
    date: str | None
    place: str | None
    countries: list[CountryRef]
    quotes: list[CitedQuote]
    src: str
    edit_url: str | None
    facts: list[FactView] = field(default_factory=list)
    date_origin: DateOrigin | None = None


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
    #: A cited sentence in the original article (a text fragment link), when its address is known.
    original: str | None = None
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
    #: Facts on one page of a country or an event (see `generator.site.paging`).
    facts_per_page: int = links.FACTS_PER_PAGE


def country_view(country: Country) -> CountryView:
    code = country.code
    return CountryView(code, country.name, country.aliases, flag(code), links.country_page(code))


def source_info(document: Document) -> SourceInfo:
    meta = document.meta
    src = links.source_page(document.id)
    if meta is None:
        return SourceInfo(document.id, document.id, src)
    return SourceInfo(
        document.id,
        meta.title,
        src,
        meta.outlet,
        meta.author,
        meta.published,
        meta.url,
        meta.archived_url,
        meta.retrieved,
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
            sentence = text[start:end]
            original = text_fragment_link(info.url, sentence) if refs and info.url else None
            sentences.append(SentenceView(anchor, sentence, refs, original, pieces))
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
        info = infos[view.doc_id]
        cited = CitedQuote(view, info, original_link(info, view))
        by_owner.setdefault(id(check.owner), []).append(cited)
    return by_owner


def date_origins(result: CheckResult, quotes: dict[int, list[CitedQuote]]) -> dict[int, DateOrigin]:
    """For every dated event and fact (by the id() of its entry), the first words of its
    quotes that give its date (the check has proved that some do)."""
    published = result.context.corpus.published
    origins: dict[int, DateOrigin] = {}
    for key, (date, owned) in _dated(result.context.quotes).items():
        for check, cited in zip(owned, quotes.get(key, []), strict=False):
            found = date_sources([(check.source.doc, check.parts)], published)
            words = next((s.reading.words for s in found if s.reading.supports(date)), None)
            if words is not None:
                origins[key] = DateOrigin(words, cited.source)
                break
    return origins


def _dated(quotes: list[QuoteCheck]) -> dict[int, tuple[str, list[QuoteCheck]]]:
    """The date and quotes of every dated event and fact, by the id() of its entry."""
    owners: dict[int, tuple[str, list[QuoteCheck]]] = {}
    for quote in quotes:
        if quote.owner.model.date is not None:
            owners.setdefault(id(quote.owner), (quote.owner.model.date, []))[1].append(quote)
    return owners


def original_link(info: SourceInfo, view: QuoteView) -> str | None:
    """The verified quote's text in the original article, when its address is known."""
    if info.url is None or view.anchor is None:
        return None
    return text_fragment_link(info.url, view.marked)
