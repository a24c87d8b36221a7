"""date-unsupported: an event's or fact's date must be one that its quotes give."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.corpus.dates import DateSource, date_sources, date_span, gives, unread
from generator.diagnostics import Diagnostic
from generator.match.verify import QuoteCheck

ID = "dates"


def check(context: Context) -> Iterator[Diagnostic]:
    published = context.corpus.published
    for date, quotes in dated(context.quotes).values():
        owner = quotes[0].owner
        if not _supported(date, quotes, published):
            found = date_sources(((quote.source.doc, quote.parts) for quote in quotes), published)
            undated = [quote for quote in quotes if quote.source.doc not in published]
            yield owner.diagnostic(("date",), "date-unsupported", message(date, found, undated))


def dated(quotes: list[QuoteCheck]) -> dict[int, tuple[str, list[QuoteCheck]]]:
    """The date and quotes of every dated event and fact, by the id() of its entry (only
    these quotes are read for dates)."""
    owners: dict[int, tuple[str, list[QuoteCheck]]] = {}
    for quote in quotes:
        date = quote.owner.model.date
        if date is not None:
            owners.setdefault(id(quote.owner), (date, []))[1].append(quote)
    return owners


def _supported(date: str, quotes: list[QuoteCheck], published: dict[str, str]) -> bool:
    span = date_span(date)
    return any(
        gives(part, published.get(quote.source.doc), span)
        for quote in quotes
        for part in quote.parts
    )


def message(date: str, found: list[DateSource], undated: list[QuoteCheck]) -> str:
    """What the quotes support, which words of the quotes of `undated` documents (without a
    published date) would support a date with one, and what to do."""
    given = "; ".join(source.describe() for source in found) or "none"
    text = f"no quote supports the date {date}; the dates its quotes support: {given}"
    unread_words = [
        f'"{words}" in {quote.source.doc}' for quote in undated for words in _unread(quote)
    ]
    if unread_words:
        text += f" ({', '.join(unread_words)}: a date only with the document's published date)"
    return text + "; write a date a quote supports, coarsen it to its month or year, or drop it"


def _unread(quote: QuoteCheck) -> list[str]:
    return [words for part in quote.parts for words in unread(part)]
