"""What a check of one fact file reads: the corpus, the file, its quotes, and the tables of
countries and events defined across all files."""

from __future__ import annotations

from dataclasses import dataclass

from generator.corpus import Corpus
from generator.factbase import FactBase
from generator.search import CorpusIndex
from generator.tables import Tables
from generator.verify import QuoteCheck


@dataclass(slots=True)
class Context:
    corpus: Corpus
    #: The entries being checked: one file's (or, for the site, the whole base's).
    base: FactBase
    quotes: list[QuoteCheck]
    tables: Tables
    index: CorpusIndex
