"""What a check of one fact file reads: the corpus, the file, its quotes, and the tables of
countries and events defined across all files."""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.tables import Tables
from generator.corpus.documents import Corpus
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
