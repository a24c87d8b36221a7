"""Building the site's view in one pass over the check result (indexes built once)."""

from __future__ import annotations

from generator.result import CheckResult
from generator.site.edit import EditLinks
from generator.site.links import FACTS_PER_PAGE
from generator.site.paging import paginate
from generator.site.quotes import ParagraphCache, sentence_anchor
from generator.site.views import (
    CitedQuote,
    Ref,
    Site,
    cited_quotes,
    country_view,
    date_origins,
    event_view,
    fact_view,
    source_info,
    source_view,
)


def build_site(
    result: CheckResult, edit: EditLinks | None = None, facts_per_page: int = FACTS_PER_PAGE
) -> Site:
    """Countries, events, facts and sources of a checked fact base, cross-linked (each fact's
    home on the page of its country that shows it, when a country's facts fill several)."""
    edit = edit or EditLinks()
    base, corpus = result.context.base, result.context.corpus
    cache = ParagraphCache(corpus)
    quotes = cited_quotes(result, cache)
    origins = date_origins(result, quotes)
    site = Site(result.summary, {}, {}, [], {}, facts_per_page)
    for country in base.countries:
        site.countries.setdefault(country.model.code, country_view(country.model))
    for event in base.events:
        if event.model.id not in site.events:
            view = event_view(event, quotes.get(id(event), []), site.countries, edit)
            view.date_origin = origins.get(id(event))
            site.events[view.id] = view
            for ref in view.countries:
                if ref.code in site.countries:
                    site.countries[ref.code].events.append(view)
    for fact in base.facts:
        fact_entry = fact_view(fact, quotes.get(id(fact), []), site, edit)
        fact_entry.date_origin = origins.get(id(fact))
        site.facts.append(fact_entry)
        for ref in fact_entry.countries:
            if ref.code in site.countries:
                site.countries[ref.code].facts.append(fact_entry)
        if fact.model.event in site.events:
            site.events[fact.model.event].facts.append(fact_entry)
    paginate(site)
    citations = citation_index(site)
    marks = quoted_spans(site)
    for doc_id in sorted(corpus.documents):
        document = corpus.documents[doc_id]
        cited = citations.get(doc_id, {})
        info = source_info(document)
        site.sources[doc_id] = source_view(document, info, cache, cited, marks.get(doc_id))
    return site


def quoted_spans(site: Site) -> dict[str, dict[int, list[tuple[int, int]]]]:
    """Per document and paragraph, the raw spans some event's or fact's quote covers."""
    spans: dict[str, dict[int, list[tuple[int, int]]]] = {}
    owners = [event.quotes for event in site.events.values()] + [f.quotes for f in site.facts]
    for quotes in owners:
        for cited in quotes:
            view = cited.quote
            if view.paragraph is not None and view.end > view.start:
                by_paragraph = spans.setdefault(view.doc_id, {})
                by_paragraph.setdefault(view.paragraph, []).extend(view.spans)
    return spans


def citation_index(site: Site) -> dict[str, dict[str, list[Ref]]]:
    """Per document and sentence anchor, the events and facts whose quotes cover it (each
    once, in order: a set of each sentence's citers, so that many facts citing one sentence
    cost each a look-up, not a scan of those before it)."""
    index: dict[str, dict[str, dict[Ref, None]]] = {}
    owners: list[tuple[Ref, list[CitedQuote]]] = [
        (Ref(event.name, event.src), event.quotes) for event in site.events.values()
    ]
    owners += [(fact.home, fact.quotes) for fact in site.facts]
    for ref, quotes in owners:
        for cited in quotes:
            view = cited.quote
            if view.paragraph is None:
                continue
            by_anchor = index.setdefault(view.doc_id, {})
            for sentence in view.sentences:
                by_anchor.setdefault(sentence_anchor(view.paragraph, sentence), {})[ref] = None
    return {
        doc_id: {anchor: list(refs) for anchor, refs in by_anchor.items()}
        for doc_id, by_anchor in index.items()
    }
