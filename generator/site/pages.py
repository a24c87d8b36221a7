"""The pages of the site, as Markdown documents keyed by their path under docs/."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.site.buildinfo import DEFAULT_LICENCE, BuildInfo
from generator.site.charts import figure_chart, figure_rows, timeline_chart
from generator.site.cite import citation_json
from generator.site.conflicts import CONTRADICT, DIFFER, Conflict
from generator.site.dates import month_of
from generator.site.history import History
from generator.site.paging import Paging, by_topic, paged, topic_groups
from generator.site.passages import DatesShown, page_passages
from generator.site.render import Renderer
from generator.site.views import (
    CitedQuote,
    CountryView,
    DateOrigin,
    EventView,
    FactView,
    Ref,
    Site,
)

#: Entries of one commit listed on the Changes page (the Atom feed lists them all).
CHANGES_SHOWN = 30
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str | None
    kind: str
    ref: Ref
    origin: DateOrigin | None = None


def build_pages(
    site: Site,
    renderer: Renderer,
    site_name: str,
    build: BuildInfo | None = None,
    history: History | None = None,
    licence: str = DEFAULT_LICENCE,
) -> dict[str, str]:
    """Every generated page: home, indexes, one per country, event and source."""
    build = build or BuildInfo(site_name, "1970-01-01", "unknown")
    renderer.env.globals["build"] = build
    renderer.env.globals["cite"] = lambda fact: citation_json(fact, build)
    pages = {
        "index.md": home(site, renderer, site_name),
        "countries/index.md": renderer.page(
            "countries.md.j2", "countries/index.md", "Countries", countries=sorted_countries(site)
        ),
        "events/index.md": renderer.page(
            "events.md.j2", "events/index.md", "Events", events=sorted_events(site)
        ),
        "sources/index.md": renderer.page(
            "sources.md.j2", "sources/index.md", "Sources", sources=list(site.sources.values())
        ),
        "timeline.md": timeline_page(site, renderer),
        "figures.md": figures(site, renderer),
        "conflicts.md": renderer.page(
            "conflicts.md.j2",
            "conflicts.md",
            "Conflicting reports",
            contradictions=conflicting(site, CONTRADICT),
            differences=conflicting(site, DIFFER, anchored=CONTRADICT),
        ),
        "downloads/index.md": renderer.page(
            "downloads.md.j2", "downloads/index.md", "Downloads", licence=licence
        ),
        "changes.md": renderer.page(
            "changes.md.j2",
            "changes.md",
            "Changes",
            history=history or History(missing="The build read no history of the facts."),
            fact_links={fact.id: fact.home for fact in site.facts},
            shown=CHANGES_SHOWN,
        ),
    }
    for country in site.countries.values():
        pages.update(country_pages(country, renderer, site.facts_per_page))
    for event in site.events.values():
        pages.update(event_pages(event, renderer, site.facts_per_page))
    for source in site.sources.values():
        src = source.info.src
        pages[src] = renderer.page("source.md.j2", src, source.info.title, source=source)
    return pages


def timeline_page(site: Site, renderer: Renderer) -> str:
    months, undated = timeline(site)
    return renderer.page(
        "timeline.md.j2",
        "timeline.md",
        "Timeline",
        months=months,
        undated=undated,
        date_shown=DatesShown(),
        chart=Markup(timeline_chart(site, renderer.linker("timeline.md"))),
    )


def home(site: Site, renderer: Renderer, site_name: str) -> str:
    dates = sorted(
        [event.date for event in site.events.values() if event.date]
        + [fact.date for fact in site.facts if fact.date]
    )
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    documents = site.summary.documents
    return renderer.page(
        "home.md.j2",
        "index.md",
        "",
        site_name=site_name,
        summary=site.summary,
        first=first,
        last=last,
        documents=NUMBER_WORDS[documents] if documents < len(NUMBER_WORDS) else str(documents),
        chart=Markup(timeline_chart(site, renderer.linker("index.md"))),
    )


def figures(site: Site, renderer: Renderer) -> str:
    url = renderer.linker("figures.md")
    charts = [
        (key, rows, Markup(figure_chart(key, rows, url))) for key, rows in figure_rows(site).items()
    ]
    return renderer.page("figures.md.j2", "figures.md", "Figures", charts=charts)


def event_pages(event: EventView, renderer: Renderer, size: int) -> dict[str, str]:
    """The event's page, its facts continued on numbered pages past `size` of them."""
    return {
        paging.src: event_page(event, facts, paging, renderer)
        for facts, paging in paged(event.facts, event.src, size)
    }


def event_page(event: EventView, facts: list[FactView], paging: Paging, renderer: Renderer) -> str:
    owners: list[tuple[Ref, list[CitedQuote]]] = []
    if paging.number == 1:
        owners.append((Ref(event.name, event.src), event.quotes))
    owners += [(fact.home, fact.quotes) for fact in facts]
    return renderer.page(
        "event.md.j2",
        paging.src,
        paging.title(event.name),
        event=event,
        facts=facts,
        paging=paging,
        passage=page_passages(owners),
        date_shown=DatesShown(),
    )


def country_pages(country: CountryView, renderer: Renderer, size: int) -> dict[str, str]:
    """The country's page, its facts (by topic) continued on numbered pages past `size`."""
    summary = country_summary(country, topic_groups(country.facts))
    return {
        paging.src: country_page(country, facts, paging, summary, renderer)
        for facts, paging in paged(by_topic(country.facts), country.src, size)
    }


def country_page(
    country: CountryView,
    facts: list[FactView],
    paging: Paging,
    summary: str,
    renderer: Renderer,
) -> str:
    groups = topic_groups(facts)
    owners = [(fact.home, fact.quotes) for fact in facts]
    return renderer.page(
        "country.md.j2",
        paging.src,
        paging.title(country.name),
        country=country,
        groups=groups,
        paging=paging,
        summary=summary,
        passage=page_passages(owners),
        date_shown=DatesShown(),
    )


def country_summary(country: CountryView, groups: list[tuple[str, list[FactView]]]) -> str:
    """One line: how many facts, from how many sources, on which topics, in how many events."""
    if not country.facts:
        return "No fact about this country yet."
    documents = {cited.source.id for fact in country.facts for cited in fact.quotes}
    topics = ", ".join(f"{topic} ({len(facts)})" for topic, facts in groups)
    line = f"{_count(len(country.facts), 'fact')} from {_count(len(documents), 'source')}: {topics}"
    if country.events:
        line += f"; a party to {_count(len(country.events), 'event')}"
    return line + "."


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def sorted_countries(site: Site) -> list[CountryView]:
    return sorted(
        site.countries.values(), key=lambda country: (country.name.casefold(), country.code)
    )


def sorted_events(site: Site) -> list[EventView]:
    """By date, an undated event after every dated one."""
    return sorted(
        site.events.values(), key=lambda event: (event.date is None, event.date or "", event.id)
    )


def timeline(site: Site) -> tuple[list[tuple[str, list[TimelineEntry]]], list[TimelineEntry]]:
    """Events and dated facts by month (a month-only date opens its month, a year-only date its
    year), and apart from them every undated event and fact: never given a date."""
    entries = [
        TimelineEntry(event.date, "event", Ref(event.name, event.src), event.date_origin)
        for event in site.events.values()
    ]
    entries += [
        TimelineEntry(
            fact.date, "fact", Ref(fact.claim, fact.home.src, fact.home.anchor), fact.date_origin
        )
        for fact in site.facts
    ]
    entries.sort(
        key=lambda entry: (entry.date or "", entry.kind, entry.ref.src, entry.ref.anchor or "")
    )
    months: dict[str, list[TimelineEntry]] = {}
    undated = [entry for entry in entries if entry.date is None]
    for entry in entries:
        if entry.date is not None:
            months.setdefault(month_of(entry.date), []).append(entry)
    return list(months.items()), undated


def conflicting(
    site: Site, verdict: str, anchored: str | None = None
) -> list[tuple[FactView, list[Conflict], str]]:
    """The facts with keys whose reports have this verdict, each with those keys and the id
    of its section: `fact-ID`, as fact cards link to, unless the fact has keys with the
    verdict `anchored` (whose section then has that id)."""
    found = []
    for fact in site.facts:
        keys = [conflict for conflict in fact.conflicts if conflict.verdict == verdict]
        if keys:
            taken = anchored and any(item.verdict == anchored for item in fact.conflicts)
            found.append((fact, keys, f"fact-{fact.id}" + (f"-{verdict}" if taken else "")))
    return found
