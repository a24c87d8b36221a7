"""What a check of one fact file reads: the corpus, the file, its quotes, and the tables of
countries and events defined across all files."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.check.readings import Match, Reading, quick_match, readings, stated_parts
from generator.check.tables import Tables
from generator.corpus.documents import Corpus
from generator.corpus.numbers import occurrences_of
from generator.corpus.stated import Stated
from generator.load.factbase import FactBase
from generator.match.search import CorpusIndex
from generator.match.verify import QuoteCheck


@dataclass(slots=True)
class Context:
    corpus: Corpus
    #: The entries being checked: one file's (or, for the site, the whole base's).
    base: FactBase
    quotes: list[QuoteCheck]
    tables: Tables
    index: CorpusIndex
    _readings: dict[int, list[Reading]] = field(default_factory=dict)
    _stated: dict[int, list[tuple[str, list[Stated]]]] = field(default_factory=dict)
    _matches: dict[int, dict[str, Match | None]] = field(default_factory=dict)

    def readings(self, quote: QuoteCheck) -> list[Reading]:
        """The values of a quote read against it (once, for every check that asks)."""
        key = id(quote)
        if key not in self._readings:
            self._readings[key] = readings(quote, self.stated(quote))
        return self._readings[key]

    def reading(self, quote: QuoteCheck, name: str) -> Reading:
        """The value `name` of a quote's source read against the quote, in full."""
        return next(reading for reading in self.readings(quote) if reading.name == name)

    def matches(self, quote: QuoteCheck) -> dict[str, Match | None]:
        """Each value of a quote's source, with a statement of the quote that matches it as
        written (None if none does): found by its digits where they are (`quick_match`), else
        by reading the quote in full. Most values are found the quick way."""
        key = id(quote)
        if key not in self._matches:
            found: dict[str, Match | None] = {}
            for name, value in quote.source.values.items():
                match = quick_match(quote.parts, value)
                if match is None:
                    matches = self.reading(quote, name).matches
                    match = matches[0] if matches else None
                found[name] = match
            self._matches[key] = found
        return self._matches[key]

    def states(self, quote: QuoteCheck, number: int) -> bool:
        """Whether the quote states `number`, alone or as an end of a range: seen among the
        matches of its values or found by its digits, else read in full."""
        for match in self.matches(quote).values():
            if match is not None and number in (match[1].low, match[1].high):
                return True
        for part in quote.parts:
            for _ in occurrences_of(part, number):
                return True
        return any(
            number in (item.low, item.high) for _, stated in self.stated(quote) for item in stated
        )

    def stated(self, quote: QuoteCheck) -> list[tuple[str, list[Stated]]]:
        """The parts of a quote and the numbers each states (read once)."""
        key = id(quote)
        if key not in self._stated:
            self._stated[key] = stated_parts(quote)
        return self._stated[key]
