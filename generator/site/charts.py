"""Static SVG pictures made at build time: the figures the sources report, and a time line.

Plain SVG inside the page: no script, no web font, no request; text is real text, so the
charts read on any device and in a screen reader. Each chart is one narrow picture (360 units
wide) so it stays legible on a phone without scrolling sideways.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import escape

from generator.site.dates import month_of, show_date
from generator.site.links import Linker
from generator.site.views import CitedQuote, FactView, Site

WIDTH = 360
LEFT, RIGHT = 16, 340
#: The timeline's line: fact bars (at most 60 high) above it, event dots below.
BASE = 66
COLOURS = ("#3949ab", "#c2185b", "#00796b", "#e65100")
_NUMBER = re.compile(r"\d[\d,]*")


@dataclass(frozen=True, slots=True)
class Report:
    """One source's value for a key: its interval, its words, and who says it."""

    low: int
    high: int
    text: str
    source: str


@dataclass(frozen=True, slots=True)
class FigureRow:
    fact: FactView
    reports: tuple[Report, ...]

    @property
    def differ(self) -> bool:
        return len({(report.low, report.high) for report in self.reports}) > 1


def interval(value: object) -> tuple[int, int] | None:
    """The numbers a value names, as written ("up to 10" -> 10, "20,000-31,000" -> a range)."""
    numbers = [int(found.replace(",", "")) for found in _NUMBER.findall(str(value))]
    return (min(numbers), max(numbers)) if numbers else None


def report_of(cited: CitedQuote, value: object) -> Report | None:
    found = interval(value)
    if found is None:
        return None
    source = cited.source.outlet or cited.source.title
    if cited.source.published:
        source += ", " + show_date(cited.source.published)
    return Report(found[0], found[1], str(value), source)


def figure_rows(site: Site) -> dict[str, list[FigureRow]]:
    """Per value key, one row per fact that reports it, with every source's report."""
    rows: dict[str, list[FigureRow]] = {}
    for fact in site.facts:
        keys = sorted({key for cited in fact.quotes for key, _ in cited.quote.values})
        for key in keys:
            reports = []
            for cited in fact.quotes:
                for name, value in cited.quote.values:
                    report = report_of(cited, value) if name == key else None
                    if report is not None:
                        reports.append(report)
            if reports:
                rows.setdefault(key, []).append(FigureRow(fact, tuple(reports)))
    return dict(sorted(rows.items()))


def tag(name: str, body: str = "", **attrs: object) -> str:
    """An SVG element; attribute values are escaped, `body` is SVG already (or escaped text)."""
    pairs = "".join(
        f' {key.rstrip("_").replace("_", "-")}="{escape(value)}"' for key, value in attrs.items()
    )
    return f"<{name}{pairs}>{body}</{name}>" if body else f"<{name}{pairs}/>"


def figure_chart(key: str, rows: list[FigureRow], url: Linker) -> str:
    """One key's chart: per fact, its countries, each source's words, and a dot per report."""
    top = max(report.high for row in rows for report in row.reports) or 1
    scale = (RIGHT - LEFT) / top
    parts, y = [], 8
    for row in rows:
        part, y = _figure_row(row, y, scale, url)
        parts.append(part)
    label = f"Reported {key.replace('_', ' ')}, per fact and source"
    axis = tag("text", "0", x=LEFT, y=y + 4, class_="fs-axis")
    axis += tag("text", f"{top:,}", x=RIGHT, y=y + 4, class_="fs-axis", text_anchor="end")
    return _svg(label, y + 10, "".join(parts) + axis)


def _figure_row(row: FigureRow, y: int, scale: float, url: Linker) -> tuple[str, int]:
    names = escape(_short(", ".join(ref.name for ref in row.fact.countries)))
    label = tag("text", names, x=LEFT, y=y + 12, class_="fs-row-label")
    title = tag("title", escape(row.fact.claim))
    out = [tag("a", title + label, href=url(row.fact.home.src, row.fact.home.anchor))]
    if row.differ:
        out.append(
            tag("text", "sources differ", x=RIGHT, y=y + 12, class_="fs-differ", text_anchor="end")
        )
    y += 14
    for index, report in enumerate(row.reports):
        colour = COLOURS[index % len(COLOURS)]
        words = escape(_short(f"{report.text}: {report.source}", 52))
        out.append(tag("circle", cx=LEFT + 4, cy=y + 8, r=4, fill=colour))
        out.append(tag("text", words, x=LEFT + 12, y=y + 12, class_="fs-report"))
        y += 15
    out.append(tag("line", x1=LEFT, x2=RIGHT, y1=y + 8, y2=y + 8, class_="fs-track"))
    for index, report in enumerate(row.reports):
        out.append(_report_mark(report, index, y + 8, scale))
    return "".join(out), y + 26


def _report_mark(report: Report, index: int, y: int, scale: float) -> str:
    """A dot at the number; a range ("20,000-31,000") also gets a bar from its low end."""
    colour = COLOURS[index % len(COLOURS)]
    low, high = LEFT + report.low * scale, LEFT + report.high * scale
    mark = tag("circle", cx=f"{high:.1f}", cy=y, r=5 - index % 3, fill=colour)
    if high - low > 1:
        width = f"{high - low:.1f}"
        bar = tag("rect", x=f"{low:.1f}", y=y - 4, width=width, height=8, fill=colour, opacity=0.6)
        mark = bar + mark
    return mark


def timeline_chart(site: Site, url: Linker) -> str:
    """Dated facts per month as bars above a line, events as linked dots below it."""
    events = sorted(
        (
            (event.date, event)
            for event in site.events.values()
            if event.date is not None and len(event.date) >= 7
        ),
        key=lambda dated: (dated[0], dated[1].id),
    )
    facts = [month_of(fact.date) for fact in site.facts if fact.date and len(fact.date) >= 7]
    months = sorted({month_of(date) for date, _ in events} | set(facts))
    if not months:
        return ""
    span = _month_range(months[0], months[-1])
    step = (RIGHT - LEFT) / max(len(span) - 1, 1)
    x = {month: LEFT + index * step for index, month in enumerate(span)}
    out = [tag("line", x1=LEFT, x2=RIGHT, y1=BASE, y2=BASE, class_="fs-track")]
    out += [_fact_bar(month, facts.count(month), x[month]) for month in span if month in facts]
    stacks: dict[str, int] = {}
    for date, event in events:
        month = month_of(date)
        level = stacks[month] = stacks.get(month, 0) + 1
        title = tag("title", escape(f"{show_date(date)}: {event.name}"))
        dot = tag(
            "circle", cx=f"{x[month]:.1f}", cy=BASE + 6 + level * 11, r=5, class_="fs-event-dot"
        )
        out.append(tag("a", title + dot, href=url(event.src)))
    deepest = max(stacks.values(), default=0) * 11
    out += _month_labels(span, x, BASE + 12 + deepest)
    label = "Dated facts per month (bars, above the line) and events (dots, below it)"
    return _svg(label, BASE + 42 + deepest, "".join(out))


def _fact_bar(month: str, count: int, x: float) -> str:
    height = min(count * 3, 60)
    title = tag("title", f"{count} dated facts, {show_date(month)}")
    return tag(
        "rect",
        title,
        x=f"{x - 3:.1f}",
        y=BASE - height,
        width=6,
        height=height,
        class_="fs-fact-bar",
    )


def _month_labels(span: list[str], x: dict[str, float], y: int) -> list[str]:
    """Every third month by its short name, and the year under the first month of each year."""
    labels = []
    for index, month in enumerate(span):
        where = f"{x[month]:.1f}"
        if index % 3 == 0:
            name = show_date(month)[:3]
            labels.append(
                tag("text", name, x=where, y=y + 12, class_="fs-axis", text_anchor="middle")
            )
        if index == 0 or month.endswith("-01"):
            labels.append(
                tag("text", month[:4], x=where, y=y + 24, class_="fs-axis", text_anchor="middle")
            )
    return labels


def _month_range(first: str, last: str) -> list[str]:
    year, month = int(first[:4]), int(first[5:7])
    months = []
    while f"{year:04d}-{month:02d}" <= last:
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _short(text: str, limit: int = 44) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _svg(label: str, height: int, body: str) -> str:
    """An SVG scaled to its container's width, named by its <title>."""
    title = tag("title", escape(label))
    return tag(
        "svg",
        title + body,
        class_="fs-svg",
        viewBox=f"0 0 {WIDTH} {height}",
        xmlns="http://www.w3.org/2000/svg",
    )
