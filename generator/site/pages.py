"""The pages of the site, as Markdown documents keyed by their path under docs/."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.model import TOPICS
from generator.site.buildinfo import DEFAULT_LICENCE, BuildInfo
from generator.site.charts import figure_chart, figure_rows, timeline_chart
from generator.site.cite import citation_json
from generator.site.dates import month_of
from generator.site.history import History
from generator.site.passages import page_passages
from generator.site.render import Renderer
from generator.site.views import CitedQuote, CountryView, EventView, FactView, Ref, Site

#: Entries of one commit listed on the Changes page (the Atom feed lists them all).
CHANGES_SHOWN = 30
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: str
    kind: str
    ref: Ref


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
        "timeline.md": renderer.page(
            "timeline.md.j2",
            "timeline.md",
            "Timeline",
            months=timeline(site),
            chart=Markup(timeline_chart(site, renderer.linker("timeline.md"))),
        ),
        "figures.md": figures(site, renderer),
        "conflicts.md": renderer.page(
            "conflicts.md.j2",
            "conflicts.md",
            "Conflicting reports",
            facts=[fact for fact in site.facts if fact.conflicts],
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
        pages[country.src] = country_page(country, renderer)
    for event in site.events.values():
        pages[event.src] = event_page(event, renderer)
    for source in site.sources.values():
        src = source.info.src
        pages[src] = renderer.page("source.md.j2", src, source.info.title, source=source)
    return pages


def home(site: Site, renderer: Renderer, site_name: str) -> str:
    dates = sorted(
        [event.date for event in site.events.values()]
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


def event_page(event: EventView, renderer: Renderer) -> str:
    owners: list[tuple[Ref, list[CitedQuote]]] = [(Ref(event.name, event.src), event.quotes)]
    owners += [(fact.home, fact.quotes) for fact in event.facts]
    passages = page_passages(owners)
    return renderer.page("event.md.j2", event.src, event.name, event=event, passage=passages)


def country_page(country: CountryView, renderer: Renderer) -> str:
    by_topic: dict[str, list[FactView]] = {}
    for fact in country.facts:
        by_topic.setdefault(fact.topic, []).append(fact)
    groups = [(topic, by_topic[topic]) for topic in TOPICS if topic in by_topic]
    owners = [(fact.home, fact.quotes) for _, facts in groups for fact in facts]
    return renderer.page(
        "country.md.j2",
        country.src,
        country.name,
        country=country,
        groups=groups,
        summary=country_summary(country, groups),
        passage=page_passages(owners),
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
    return sorted(site.events.values(), key=lambda event: (event.date, event.id))


def timeline(site: Site) -> list[tuple[str, list[TimelineEntry]]]:
    """Events and dated facts by month; a month-only date sorts before the days of its month."""
    entries = [
        TimelineEntry(event.date, "event", Ref(event.name, event.src))
        for event in site.events.values()
    ]
    entries += [
        TimelineEntry(fact.date, "fact", Ref(fact.claim, fact.home.src, fact.home.anchor))
        for fact in site.facts
        if fact.date
    ]
    entries.sort(key=lambda entry: (entry.date, entry.kind, entry.ref.src, entry.ref.anchor or ""))
    months: dict[str, list[TimelineEntry]] = {}
    for entry in entries:
        months.setdefault(month_of(entry.date), []).append(entry)
    return list(months.items())
