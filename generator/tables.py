"""What the checks of one fact file read from all the others: the countries and events defined.

Every country, event and fact a file defines is a `Definition`: small, plain data that a cache
can keep and a worker process can send. From all of them come the `Tables` the per-file checks
look codes and event ids up in, and the duplicate-id check across files.
"""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass, field
from typing import NamedTuple

from generator.factbase import FactBase
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

    @property
    def field(self) -> str:
        return "code" if self.kind == "country" else "id"


def definitions_of(base: FactBase) -> list[Definition]:
    """The definitions of a (one file's) fact base, in the order they are written."""
    found = []
    for country in base.countries:
        line, column = country.raw.at(("code",))
        model = country.model
        found.append(
            Definition(
                "country", model.code, country.raw.file, line, column, model.name, (*model.aliases,)
            )
        )
    for kind, entries in (("event", base.events), ("fact", base.facts)):
        for entry in entries:
            line, column = entry.raw.at(("id",))
            found.append(Definition(kind, entry.model.id, entry.raw.file, line, column))
    return found


@dataclass(frozen=True, slots=True)
class Tables:
    """Countries and events defined anywhere in the fact base (the first definition wins)."""

    countries: dict[str, Country] = field(default_factory=dict)
    #: Every code and event id defined, duplicates included, in order (for "did you mean").
    codes: list[str] = field(default_factory=list)
    event_ids: list[str] = field(default_factory=list)
    events: set[str] = field(default_factory=set)

    @classmethod
    def from_definitions(cls, definitions: list[Definition]) -> Tables:
        tables = cls()
        for item in definitions:
            if item.kind == "country":
                tables.codes.append(item.ident)
                if item.ident not in tables.countries:
                    tables.countries[item.ident] = Country.model_construct(
                        code=item.ident, name=item.name or "", aliases=list(item.aliases)
                    )
            elif item.kind == "event":
                tables.event_ids.append(item.ident)
                tables.events.add(item.ident)
        return tables

    def country(self, code: str) -> Country | None:
        return self.countries.get(code)

    def fingerprint(self) -> str:
        """Changes whenever anything a file's checks read from the tables changes."""
        countries = [(code, c.name, list(c.aliases)) for code, c in self.countries.items()]
        data = marshal.dumps((countries, self.codes, self.event_ids))
        return hashlib.sha256(data).hexdigest()
