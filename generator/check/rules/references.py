"""unknown-country, unknown-event, unknown-document: references that lead nowhere."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.diagnostics import Diagnostic
from generator.load.validate import Entry
from generator.load.wording import did_you_mean
from generator.model import Event, Fact

ID = "references"


def check(context: Context) -> Iterator[Diagnostic]:
    base, corpus, tables = context.base, context.corpus, context.tables
    owners: list[Entry[Event] | Entry[Fact]] = [*base.events, *base.facts]
    for owner in owners:
        for index, code in enumerate(owner.model.countries):
            if tables.country(code) is None:
                hint = _hint(code, tables.codes)
                message = f"country '{code}' is not defined in any countries: list{hint}"
                yield owner.diagnostic(("countries", index), "unknown-country", message)
        for index, source in enumerate(owner.model.sources):
            if not corpus.knows(source.doc):
                hint = _hint(source.doc, corpus.known_ids())
                message = f"document '{source.doc}' is not in the corpus{hint}"
                yield owner.diagnostic(("sources", index, "doc"), "unknown-document", message)
    for fact in base.facts:
        event = fact.model.event
        if event is not None and event not in tables.events:
            hint = _hint(event, tables.event_ids)
            message = f"event '{event}' is not defined in any events: list{hint}"
            yield fact.diagnostic(("event",), "unknown-event", message)


def _hint(name: str, known: list[str]) -> str:
    close = did_you_mean(name, known)
    return f"; did you mean '{close}'?" if close else ""
