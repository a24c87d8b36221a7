"""duplicate-id: a country code, event id or fact id defined twice (both places named)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from generator.checks.context import Context
from generator.diagnostics import Diagnostic
from generator.validate import Entry

ID = "ids"


def check(context: Context) -> Iterator[Diagnostic]:
    base = context.base
    yield from _duplicates("country", base.countries, "code", lambda entry: entry.model.code)
    yield from _duplicates("event", base.events, "id", lambda entry: entry.model.id)
    yield from _duplicates("fact", base.facts, "id", lambda entry: entry.model.id)


def _duplicates(kind: str, entries: Sequence[Entry], field: str, key) -> Iterator[Diagnostic]:  # type: ignore[type-arg, no-untyped-def]
    first: dict[str, Entry] = {}  # type: ignore[type-arg]
    for entry in entries:
        ident = key(entry)
        if ident not in first:
            first[ident] = entry
            continue
        where = first[ident].raw
        line = where.at((field,))[0]
        message = (
            f"{kind} {field} '{ident}' is already defined at {where.file}:{line}; "
            "rename one or merge them"
        )
        yield entry.diagnostic((field,), "duplicate-id", message)
