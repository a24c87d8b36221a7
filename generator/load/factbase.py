"""All fact files of a folder, loaded, validated and merged into one fact base."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.load.validate import Entry, M, validate_item
from generator.load.yaml import MAX_BYTES, LoadedFile, load_bytes, shown
from generator.model import Country, Event, Fact
from generator.unread import facts_in

SECTIONS = frozenset({"countries", "events", "facts"})


@dataclass(slots=True)
class FactBase:
    countries: list[Entry[Country]] = field(default_factory=list)
    events: list[Entry[Event]] = field(default_factory=list)
    facts: list[Entry[Fact]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Of a file that could not be read: how many facts it holds as far as can be told.
    unread: int | None = None

    def country(self, code: str) -> Country | None:
        return self._countries.get(code)

    def event(self, event_id: str) -> Event | None:
        return self._events.get(event_id)

    def index(self) -> None:
        """Build the lookups by code and id (the first definition wins)."""
        self._countries = {}
        for country in self.countries:
            self._countries.setdefault(country.model.code, country.model)
        self._events = {}
        for event in self.events:
            self._events.setdefault(event.model.id, event.model)

    _countries: dict[str, Country] = field(default_factory=dict)
    _events: dict[str, Event] = field(default_factory=dict)


def fact_files(root: Path) -> list[Path]:
    """Every *.yml file below `root`, in a stable order, symbolic links included (to refuse)."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        found.extend(Path(folder, name) for name in files if name.endswith(".yml"))
        # A folder named *.yml, or a linked folder, is listed too: to refuse, not to skip.
        found.extend(
            Path(folder, name)
            for name in subfolders
            if name.endswith(".yml") or os.path.islink(os.path.join(folder, name))
        )
    return sorted(found)


def listed_files(root: Path, display_root: str) -> list[tuple[Path, str]]:
    """Every fact file with the path diagnostics show for it."""
    return [
        (path, shown(os.path.join(display_root, os.path.relpath(path, root))))
        for path in fact_files(root)
    ]


def read_fact_file(path: Path, display: str) -> bytes | Diagnostic:
    """The bytes of a fact file (up to one byte past the size limit), or why there are none."""
    if path.is_symlink() or not path.is_file():
        message = "not a regular file (a folder, link or pipe); fact files must be plain files"
        return Diagnostic(display, 1, 1, "yaml-syntax", message)
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_BYTES + 1)
    except OSError as error:
        return Diagnostic(display, 1, 1, "yaml-syntax", f"cannot read the file: {error.strerror}")


def parse_fact_file(display: str, raw: bytes | Diagnostic) -> FactBase:
    """The validated entries of one fact file; problems become diagnostics, never exceptions."""
    base = FactBase(files=[display])
    if isinstance(raw, Diagnostic):
        base.diagnostics.append(raw)
        base.unread = 0
    else:
        loaded = load_bytes(raw, display, SECTIONS)
        _add_loaded(base, loaded)
        if loaded.refused:
            base.unread = max(0, facts_in(raw) - len(base.facts))
    return base


def merged(bases: list[FactBase]) -> FactBase:
    """One fact base of several (each file's), in order, indexed."""
    base = FactBase()
    for part in bases:
        base.countries.extend(part.countries)
        base.events.extend(part.events)
        base.facts.extend(part.facts)
        base.files.extend(part.files)
        base.diagnostics.extend(part.diagnostics)
    base.index()
    return base


def _add_loaded(base: FactBase, loaded: LoadedFile) -> None:
    base.diagnostics.extend(loaded.diagnostics)
    for raw in loaded.items:
        if raw.section == "countries":
            _add(base.countries, validate_item(raw, Country), base.diagnostics)
        elif raw.section == "events":
            _add(base.events, validate_item(raw, Event), base.diagnostics)
        else:
            _add(base.facts, validate_item(raw, Fact), base.diagnostics)


def _add(
    into: list[Entry[M]],
    outcome: tuple[Entry[M] | None, list[Diagnostic]],
    diagnostics: list[Diagnostic],
) -> None:
    entry, problems = outcome
    diagnostics.extend(problems)
    if entry is not None:
        into.append(entry)
