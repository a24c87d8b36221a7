"""duplicate-id: a country code, event id or fact id defined twice (both places named)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.diagnostics import Diagnostic
from generator.tables import Definition


def check(definitions: list[Definition]) -> Iterator[Diagnostic]:
    """Every definition after the first of its kind and id, in the order given."""
    first: dict[tuple[str, str], Definition] = {}
    for item in definitions:
        where = first.setdefault((item.kind, item.ident), item)
        if where is item:
            continue
        message = (
            f"{item.kind} {item.field} '{item.ident}' is already defined at "
            f"{where.file}:{where.line}; rename one or merge them"
        )
        yield Diagnostic(item.file, item.line, item.column, "duplicate-id", message, item.ident)
