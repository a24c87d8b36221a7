"""duplicate-id: a country code, event id or fact id defined twice (both places named)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.tables import Defined, Definition
from generator.diagnostics import Diagnostic

ID = "ids"


def check(defined: list[Defined]) -> Iterator[Diagnostic]:
    """Every definition after the first of its kind and id, in file order."""
    keys = [key for file in defined for key in zip(file.kinds, file.idents, strict=True)]
    if len(set(keys)) == len(keys):  # the usual case, told at C speed
        return
    first: dict[tuple[str, str], Definition] = {}
    for item in (definition for file in defined for definition in file):
        where = first.setdefault((item.kind, item.ident), item)
        if where is item:
            continue
        message = (
            f"{item.kind} {item.field} '{item.ident}' is already defined at "
            f"{where.file}:{where.line}; rename one or merge them"
        )
        yield Diagnostic(item.file, item.line, item.column, "duplicate-id", message, item.ident)
