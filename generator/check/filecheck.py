"""Checking one fact file: its quotes proved and every per-file check run on its entries."""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.rules import FILE_CHECKS, Context
from generator.check.tables import Tables
from generator.corpus.documents import Corpus
from generator.diagnostics import Diagnostic, capped
from generator.load.factbase import FactBase
from generator.match.search import CorpusIndex
from generator.match.verify import QuoteCheck, verify_quotes


@dataclass(slots=True)
class CheckedFile:
    """What checking one file found, beside what loading it found (`base.diagnostics`)."""

    quotes: list[QuoteCheck]
    diagnostics: list[Diagnostic]

    @property
    def verified(self) -> int:
        return sum(1 for quote in self.quotes if quote.verified)


def check_file(base: FactBase, corpus: Corpus, tables: Tables, index: CorpusIndex) -> CheckedFile:
    """Prove the quotes of `base` (one file's entries) and run the per-file checks on them."""
    quotes = verify_quotes(base, corpus)
    context = Context(corpus, base, quotes, tables, index)
    diagnostics = [item for check in FILE_CHECKS.values() for item in check(context)]
    return CheckedFile(quotes, capped(diagnostics))
