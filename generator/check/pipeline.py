"""The check, as a readable sequence of stages: corpus, fact files, tables, checks, summary.

`run_check` keeps everything it loaded (the site and the authoring commands read it);
`generator.incremental.project` runs the same stages for the `check` command, cached and
in parallel.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.check.filecheck import check_file
from generator.check.rules import Context, ids
from generator.check.tables import Defined, Tables, count, unread
from generator.corpus.documents import load_corpus
from generator.diagnostics import Diagnostic, Severity, sorted_diagnostics
from generator.load.factbase import merged, parse_fact_files
from generator.match.search import CorpusIndex


@dataclass(frozen=True, slots=True)
class Summary:
    documents: int
    countries: int
    events: int
    facts: int
    quotes: int
    quotes_verified: int
    errors: int
    warnings: int
    #: Fact files that could not be read, and the facts they hold as far as can be told.
    files_not_read: int = 0
    facts_not_read: int = 0

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a check found: the diagnostics (in the contract's order) and the counts."""

    diagnostics: list[Diagnostic]
    summary: Summary

    def exit_code(self, strict: bool = False) -> int:
        failing = self.summary.errors + (self.summary.warnings if strict else 0)
        return 1 if failing else 0


@dataclass(frozen=True, slots=True)
class CheckResult(Outcome):
    """An outcome with everything that was loaded to reach it."""

    context: Context


def display_path(path: Path) -> str:
    """Paths in diagnostics are relative to the current directory."""
    return os.path.relpath(path)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Millions of objects are made and few freed: no garbage collection while checking, and
    what was loaded is frozen after, so later collections do not scan it all."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.freeze()
            gc.enable()


def run_check(corpus_dir: Path, facts_dir: Path) -> CheckResult:
    """Check every fact of `facts_dir` against the corpus of `corpus_dir`, keeping it all."""
    with collector_paused():
        corpus = load_corpus(corpus_dir, display_path(corpus_dir))
        bases = parse_fact_files(facts_dir, display_path(facts_dir))
        defined = [Defined.of(base, base.files[0]) for base in bases]
        tables = Tables.of(defined)
        index = CorpusIndex(corpus)
        checked = [check_file(base, corpus, tables, index) for base in bases]
        base = merged(bases)
        quotes = [quote for outcome in checked for quote in outcome.quotes]
        found = [item for outcome in checked for item in outcome.diagnostics]
    diagnostics = sorted_diagnostics(
        [*corpus.diagnostics, *base.diagnostics, *found, *ids.check(defined)]
    )
    verified = sum(outcome.verified for outcome in checked)
    summary = summarize(len(corpus.documents), defined, (len(quotes), verified), diagnostics)
    return CheckResult(diagnostics, summary, Context(corpus, base, quotes, tables, index))


def summarize(
    documents: int,
    defined: list[Defined],
    quotes: tuple[int, int],
    diagnostics: list[Diagnostic],
) -> Summary:
    """The counts of the summary line; `quotes` is (all, verified)."""
    errors = sum(1 for item in diagnostics if item.severity is Severity.ERROR)
    files_not_read, facts_not_read = unread(defined)
    return Summary(
        documents=documents,
        countries=count(defined, "country"),
        events=count(defined, "event"),
        facts=count(defined, "fact"),
        quotes=quotes[0],
        quotes_verified=quotes[1],
        errors=errors,
        warnings=len(diagnostics) - errors,
        files_not_read=files_not_read,
        facts_not_read=facts_not_read,
    )
