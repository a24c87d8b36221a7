"""What a pull request does to the facts: entries added, removed and changed, by id."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from generator.load.factbase import FactBase
from generator.load.validate import Entry
from generator.load.wording import spoken_path

#: The sections compared, in the order they are reported, with the field that names an entry.
KINDS = (("fact", "facts", "claim"), ("event", "events", "name"), ("country", "countries", "name"))


@dataclass(frozen=True, slots=True)
class Change:
    """One field of an entry, old → new (None when the field is absent on that side)."""

    field: str
    old: str | None
    new: str | None


@dataclass(frozen=True, slots=True)
class Cited:
    """A source of an added entry: what a reviewer checks first."""

    place: str  # "the first source", as the checker names it
    doc: str
    quote: str
    values: str  # "aircraft 8, personnel 600", or ""


@dataclass(frozen=True, slots=True)
class EntryDiff:
    kind: str
    id: str
    status: str  # added | removed | changed
    file: str
    title: str
    changes: tuple[Change, ...] = ()
    #: Of an added entry: its sources.
    sources: tuple[Cited, ...] = ()


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
        cited = _cited(current.model) if old is None else ()
        return EntryDiff(kind, ident, status, current.raw.file, title, sources=cited)
    before, after = flatten(old.model.model_dump()), flatten(new.model.model_dump())
    if old.raw.file != new.raw.file:
        before[("file",)], after[("file",)] = old.raw.file, new.raw.file
    changes = tuple(
        Change(spoken_path(path), before.get(path), after.get(path))
        for path in sorted(before.keys() | after.keys(), key=_field_order)
        if before.get(path) != after.get(path)
    )
    return EntryDiff(kind, ident, "changed", new.raw.file, title, changes) if changes else None


def _cited(model: Any) -> tuple[Cited, ...]:
    return tuple(
        Cited(
            spoken_path(("sources", index)),
            source.doc,
            source.quote,
            ", ".join(f"{name} {number}" for name, number in source.values.items()),
        )
        for index, source in enumerate(getattr(model, "sources", []))
    )


Path = tuple[str | int, ...]


def flatten(value: object, path: Path = ()) -> dict[Path, str]:
    """Fields by their path as the checker names them: `("sources", 0, "quote")` (0-based,
    "the first source's 'quote'"); a list of plain values is one field."""
    if isinstance(value, dict):
        flat: dict[Path, str] = {}
        for key, item in value.items():
            flat.update(flatten(item, (*path, str(key))))
        return flat
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        flat = {}
        for index, item in enumerate(value):
            flat.update(flatten(item, (*path, index)))
        return flat
    if isinstance(value, list):
        return {path: ", ".join(str(item) for item in value)} if value else {}
    return {} if value is None else {path: str(value)}


def _field_order(path: Path) -> tuple[int, tuple[tuple[int, str], ...]]:
    """`file` first, then the entry's own fields, then its sources in order (2 before 10)."""
    group = 0 if path == ("file",) else 2 if path[0] == "sources" else 1
    return (group, tuple((part, "") if isinstance(part, int) else (-1, part) for part in path))
