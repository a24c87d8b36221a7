"""Proving every quote of every event and fact against its cited document."""

from __future__ import annotations

from dataclasses import dataclass

from generator.corpus.documents import Corpus
from generator.corpus.normalize import normalize, quote_parts, word_count
from generator.load.factbase import FactBase
from generator.load.validate import Entry
from generator.match.search import Location, locate
from generator.model import Event, Fact, SourceRef

MIN_WORDS = 5


@dataclass(slots=True)
class QuoteCheck:
    """One `sources:` entry and what became of it."""

    owner: Entry[Event] | Entry[Fact]
    index: int
    source: SourceRef
    normalized: str
    parts: list[str]
    words: int
    #: Where the quote was found in the cited document; None when it was not (or not sought).
    location: Location | None = None

    @property
    def path(self) -> tuple[str | int, ...]:
        return ("sources", self.index)

    @property
    def verified(self) -> bool:
        return self.location is not None


def verify_quotes(base: FactBase, corpus: Corpus) -> list[QuoteCheck]:
    """A QuoteCheck for every source; found ones carry their location in the document."""
    checks = []
    owners: list[Entry[Event] | Entry[Fact]] = [*base.events, *base.facts]
    for owner in owners:
        for index, source in enumerate(owner.model.sources):
            normalized = normalize(source.quote)
            parts = quote_parts(normalized)
            check = QuoteCheck(owner, index, source, normalized, parts, word_count(normalized))
            document = corpus.documents.get(source.doc)
            if document is not None and check.words >= MIN_WORDS and parts:
                check.location = locate(parts, document)
            checks.append(check)
    return checks
