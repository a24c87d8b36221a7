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
#: Each part of an elided quote holds at least this many words.
MIN_PART_WORDS = 3


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
    def shortest_part(self) -> int:
        """The words of the shortest part of an elided quote (of the quote, if not elided)."""
        if len(self.parts) < 2:
            return self.words
        return min(word_count(part) for part in self.parts)

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
            long_enough = check.words >= MIN_WORDS and check.shortest_part >= MIN_PART_WORDS
            if document is not None and long_enough and parts:
                check.location = locate(parts, document)
            checks.append(check)
    return checks
