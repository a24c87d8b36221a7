"""What a pull request does to the facts: entries added, removed and changed, by id."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.load.factbase import FactBase
from generator.load.validate import Entry

#: The sections compared, in the order they are reported, with the field that names an entry.
KINDS = (("fact", "facts", "claim"), ("event", "events", "name"), ("country", "countries", "name"))


@dataclass(frozen=True, slots=True)
class Change:
    """One field of an entry, old → new (None when the field is absent on that side)."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class EntryDiff:
    kind: str
    id: str
    status: str  # added | removed | changed
    file: str
    title: str
    changes: tuple[Change, ...] = ()


def diff_factbases(old: FactBase, new: FactBase) -> list[EntryDiff]:
    """Every entry added, removed or changed from `old` to `new`, facts first, then by id."""
    found: list[EntryDiff] = []
    for kind, section, title_field in KINDS:
        before = _by_id(getattr(old, section))
        after = _by_id(getattr(new, section))
        for ident in sorted(before.keys() | after.keys()):
            entry = _compare(kind, ident, title_field, before.get(ident), after.get(ident))
            if entry is not None:
                found.append(entry)
    return found


def _by_id(entries: Iterable[Entry[Any]]) -> dict[str, Entry[Any]]:
    by_id: dict[str, Entry[Any]] = {}
    for entry in entries:
        model = entry.model
        by_id.setdefault(getattr(model, "id", None) or model.code, entry)
    return by_id


def _compare(
    kind: str,
    ident: str,
    title_field: str,
    old: Entry[Any] | None,
    new: Entry[Any] | None,
) -> EntryDiff | None:
    current = new or old
    assert current is not None
    title = str(getattr(current.model, title_field))
    if old is None or new is None:
        status = "added" if old is None else "removed"
        return EntryDiff(kind, ident, status, current.raw.file, title)
    before, after = flatten(old.model.model_dump()), flatten(new.model.model_dump())
    if old.raw.file != new.raw.file:
        before["file"], after["file"] = old.raw.file, new.raw.file
    changes = tuple(
        Change(name, before.get(name), after.get(name))
        for name in sorted(before.keys() | after.keys(), key=_field_order)
        if before.get(name) != after.get(name)
    )
    return EntryDiff(kind, ident, "changed", new.raw.file, title, changes) if changes else None


def flatten(value: object, prefix: str = "") -> dict[str, str]:
    """Fields as `name: text`: `sources[1].quote`, `sources[1].values.aircraft` (1-based)."""
    if isinstance(value, dict):
        flat: dict[str, str] = {}
        for key, item in value.items():
            flat.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        flat = {}
        for index, item in enumerate(value, start=1):
            flat.update(flatten(item, f"{prefix}[{index}]"))
        return flat
    if isinstance(value, list):
        return {prefix: ", ".join(str(item) for item in value)} if value else {}
    return {} if value is None else {prefix: str(value)}


def _field_order(name: str) -> tuple[int, str]:
    """`file` first, then the entry's own fields, then its sources in order (2 before 10)."""
    group = 0 if name == "file" else 2 if name.startswith("sources[") else 1
    return (group, re.sub(r"\d+", lambda number: number.group().zfill(6), name))
