"""What a check of one fact file reads: the corpus, the file, its quotes, and the tables of
countries and events defined across all files."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.check.readings import Reading, readings, stated_parts
from generator.check.tables import Tables
from generator.corpus.documents import Corpus
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

    def readings(self, quote: QuoteCheck) -> list[Reading]:
        """The values of a quote read against it (once, for every check that asks)."""
        key = id(quote)
        if key not in self._readings:
            self._readings[key] = readings(quote, self.stated(quote))
        return self._readings[key]

    def stated(self, quote: QuoteCheck) -> list[tuple[str, list[Stated]]]:
        """The parts of a quote and the numbers each states (read once)."""
        key = id(quote)
        if key not in self._stated:
            self._stated[key] = stated_parts(quote)
        return self._stated[key]
