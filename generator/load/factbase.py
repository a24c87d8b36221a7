"""All fact files of a folder, loaded, validated and merged into one fact base."""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from generator.diagnostics import MAX_PER_FILE, Diagnostic, Omitted
from generator.load.unread import facts_in
from generator.load.validate import Entry, M, count_problems, validate_item
from generator.load.yaml import MAX_BYTES, LoadedFile, RawItem, load_bytes, shown
from generator.model import Country, Event, Fact

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
    """Every *.yml file below `root`, in a stable order, symbolic links included (to refuse),
    and every file that looks like YAML but is not named *.yml (to report, not to skip)."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        subfolders.sort()
        found.extend(Path(folder, name) for name in files if _looks_like_yaml(name))
        # A folder named *.yml, or a linked folder, is listed too: to refuse, not to skip.
        found.extend(
            Path(folder, name)
            for name in subfolders
            if name.endswith(".yml") or os.path.islink(os.path.join(folder, name))
        )
    return sorted(found)


# What may trail a name and go unseen: spaces, dots, invisible and control characters.
_UNSEEN = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf"})


def _looks_like_yaml(name: str) -> bool:
    """A fact file (*.yml), or a name a curator may mean as one: `x.yaml`, `X.YML`, `x.yml `,
    `x.yml.` (in any case or width, with unseen characters after it)."""
    return name.endswith(".yml") or _plain_name(name).endswith((".yml", ".yaml"))


def _plain_name(name: str) -> str:
    """The name as it reads: compatibility forms, any case, nothing unseen or dots at its end."""
    plain = unicodedata.normalize("NFKC", name).casefold()
    end = len(plain)
    while end and (plain[end - 1] == "." or unicodedata.category(plain[end - 1]) in _UNSEEN):
        end -= 1
    return plain[:end]


def _not_read_message(path: Path) -> str:
    stem = _plain_name(path.name).removesuffix(".yaml").removesuffix(".yml")
    return (
        "this file looks like YAML but is not read: only files whose names end in .yml "
        f"are fact files; rename it to {shown(stem + '.yml')}"
    )


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
    if not path.name.endswith(".yml"):
        return Diagnostic(display, 1, 1, "yaml-syntax", _not_read_message(path))
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
    omitted = loaded.omitted
    for raw in loaded.items:
        if raw.section == "countries":
            _add(base.countries, _validated(raw, Country, base.diagnostics, omitted))
        elif raw.section == "events":
            _add(base.events, _validated(raw, Event, base.diagnostics, omitted))
        else:
            _add(base.facts, _validated(raw, Fact, base.diagnostics, omitted))
    if omitted.count:
        base.diagnostics.append(omitted.diagnostic(loaded.path, "schema"))


def _validated(
    raw: RawItem, model: type[M], diagnostics: list[Diagnostic], omitted: Omitted
) -> Entry[M] | None:
    """The entry of a valid item; past MAX_PER_FILE problems, the others are only counted
    (a million broken items must not make five million diagnostics)."""
    if len(diagnostics) < MAX_PER_FILE and not omitted.count:
        entry, problems = validate_item(raw, model)
        diagnostics.extend(problems)
        return entry
    entry, count = count_problems(raw, model)
    if count:
        omitted.add(*raw.at(()), count)
    return entry


def _add(into: list[Entry[M]], entry: Entry[M] | None) -> None:
    if entry is not None:
        into.append(entry)
