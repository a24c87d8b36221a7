"""What the checks of one fact file read from all the others: the countries and events defined.

Every country, event and fact a file defines is a `Definition`; a file's are kept together as
`Defined`, plain data that a cache can keep and a worker process can send. From all of them
come the `Tables` the per-file checks look codes and event ids up in, and the duplicate-id
check across files.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

from generator.load.factbase import FactBase
from generator.model import Country


class Definition(NamedTuple):
    """A country code, event id or fact id, and where its file defines it."""

    kind: str  # "country", "event" or "fact"
    ident: str
    file: str
    line: int
    column: int
    #: Countries only: the names the mentions check looks for in quotes.
    name: str | None = None
    aliases: tuple[str, ...] = ()
    #: Events only: the date, if given.
    date: str | None = None

    @property
    def field(self) -> str:
        return "code" if self.kind == "country" else "id"


KINDS = {"c": "country", "e": "event", "f": "fact"}


@dataclass(frozen=True, slots=True)
class Defined:
    """What one fact file defines, column by column: cheap to store, to send and to read back
    (a hundred thousand facts are a few lists, not a hundred thousand objects)."""

    file: str
    kinds: str  # a letter a definition: c(ountry), e(vent), f(act); countries, then events
    idents: list[str]
    lines: list[int]
    columns: list[int]
    #: Countries' names and aliases (what the mentions check looks for), by position.
    names: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    #: Events' dates, by position (the claims check reads the date of a fact's event).
    dates: dict[int, str] = field(default_factory=dict)
    #: Of a file that could not be read: how many facts it holds as far as can be told.
    unread: int | None = None

    @classmethod
    def of(cls, base: FactBase, file: str) -> Defined:
        """The definitions of one file's fact base, in the order they are written."""
        defined = cls(file, "c" * len(base.countries), [], [], [])
        for index, country in enumerate(base.countries):
            defined.names[index] = (country.model.name, (*country.model.aliases,))
            defined._add(country.model.code, country.raw.at(("code",)))
        for event in base.events:
            if event.model.date:
                defined.dates[len(defined.idents)] = event.model.date
            defined._add(event.model.id, event.raw.at(("id",)))
        for fact in base.facts:
            defined._add(fact.model.id, fact.raw.at(("id",)))
        kinds = defined.kinds + "e" * len(base.events) + "f" * len(base.facts)
        columns = (defined.idents, defined.lines, defined.columns)
        return cls(file, kinds, *columns, defined.names, defined.dates, base.unread)

    def _add(self, ident: str, position: tuple[int, int]) -> None:
        self.idents.append(ident)
        self.lines.append(position[0])
        self.columns.append(position[1])

    def __iter__(self) -> Iterator[Definition]:
        for index, letter in enumerate(self.kinds):
            yield self._definition(index, letter)

    def head(self) -> Iterator[Definition]:
        """The countries and events: what the tables are made of."""
        for index, letter in enumerate(self.kinds):
            if letter == "f":
                return
            yield self._definition(index, letter)

    def _definition(self, index: int, letter: str) -> Definition:
        name, aliases = self.names.get(index, (None, ()))
        ident, line, column = self.idents[index], self.lines[index], self.columns[index]
        date = self.dates.get(index)
        return Definition(KINDS[letter], ident, self.file, line, column, name, aliases, date)

    def to_data(self) -> tuple[object, ...]:
        columns = (self.idents, self.lines, self.columns)
        return (self.file, self.kinds, *columns, self.names, self.dates, self.unread)

    @classmethod
    def from_data(cls, data: tuple[object, ...]) -> Defined:
        file, kinds, idents, lines, columns, names, dates, unread = data
        if not (isinstance(file, str) and isinstance(kinds, str) and isinstance(names, dict)):
            raise TypeError("not definitions")
        if unread is not None and not isinstance(unread, int):
            raise TypeError("not definitions")
        return cls(file, kinds, idents, lines, columns, names, dates, unread)  # type: ignore[arg-type]


def count(defined: list[Defined], kind: str) -> int:
    letter = kind[0]
    return sum(item.kinds.count(letter) for item in defined)


def unread(defined: list[Defined]) -> tuple[int, int]:
    """Files that could not be read, and the facts they hold as far as can be told."""
    files = [item.unread for item in defined if item.unread is not None]
    return len(files), sum(files)


@dataclass(frozen=True, slots=True)
class Tables:
    """Countries and events defined anywhere in the fact base (the first definition wins)."""

    countries: dict[str, Country] = field(default_factory=dict)
    #: Every code and event id defined, duplicates included, in order (for "did you mean").
    codes: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    events: set[str] = field(default_factory=set)
    #: The date of each event that has one (its first definition's).
    event_dates: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, defined: list[Defined]) -> Tables:
        tables = cls()
        for item in (definition for file in defined for definition in file.head()):
            if item.kind == "country":
                tables.codes.append(item.ident)
                if item.ident not in tables.countries:
                    tables.countries[item.ident] = Country.model_construct(
                        code=item.ident, name=item.name or "", aliases=list(item.aliases)
                    )
            elif item.kind == "event":
                tables.event_ids.append(item.ident)
                if item.ident not in tables.events and item.date:
                    tables.event_dates[item.ident] = item.date
                tables.events.add(item.ident)
        return tables

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)
