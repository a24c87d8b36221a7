"""What every check reads: the corpus, the fact base and the outcome of quote matching."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.corpus import Corpus
from generator.factbase import FactBase
from generator.search import CorpusIndex
from generator.verify import QuoteCheck


@dataclass(slots=True)
class Context:
    corpus: Corpus
    base: FactBase
    quotes: list[QuoteCheck]
    index: CorpusIndex = field(init=False)

    def __post_init__(self) -> None:
        self.index = CorpusIndex(self.corpus)
