"""The check, as stage functions run in order: load the corpus, parse each fact file, check
each file, check across files, summarize. `run_check` is those stages, and nothing else.

The stages are pure: what they return depends only on what they are given (and the files they
read). `generator.incremental` runs the very same stages for the `check` command, each file's
memoised by content and mapped over worker processes; this package knows nothing of that.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.check.filecheck import check_file
from generator.check.rules import ACROSS_CHECKS, Context
from generator.check.tables import Defined, Tables, count, unread
from generator.corpus.documents import load_corpus
from generator.diagnostics import Diagnostic, Severity, sorted_diagnostics
from generator.load.factbase import (
    FactBase,
    listed_files,
    merged,
    parse_fact_file,
    read_fact_file,
)
from generator.match.search import CorpusIndex
from generator.result import CheckResult, Summary

__all__ = [
    "check_across",
    "check_file",
    "load_corpus",
    "load_facts",
    "parse_file",
    "read_facts",
    "run_check",
    "summarize",
]


@dataclass(frozen=True, slots=True)
class ParsedFile:
    """One fact file, validated: its entries, and what it defines (for the tables)."""

    base: FactBase
    defined: Defined


def display_path(path: Path) -> str:
    """Paths in diagnostics are relative to the current directory."""
    return os.path.relpath(path)


def parse_file(display: str, raw: bytes | Diagnostic) -> ParsedFile:
    """Stage 2: a fact file's bytes (or why there are none) -> its entries and definitions."""
    base = parse_fact_file(display, raw)
    return ParsedFile(base, Defined.of(base, display))


def parse_files(files: Iterable[tuple[str, bytes | Diagnostic]]) -> list[ParsedFile]:
    """Stage 2 over fact files given as (shown as, bytes or why there are none), in order."""
    return [parse_file(display, raw) for display, raw in files]


def read_facts(facts_dir: Path) -> list[tuple[str, bytes | Diagnostic]]:
    """Every fact file below `facts_dir`, as stage 2 takes them, in order."""
    listed = listed_files(facts_dir, display_path(facts_dir))
    return [(display, read_fact_file(path, display)) for path, display in listed]


def load_facts(files: Iterable[tuple[str, bytes | Diagnostic]]) -> FactBase:
    """Stage 2 alone, merged: the fact base of `files` (what `diff` compares)."""
    return merged([file.base for file in parse_files(files)])


def check_across(defined: list[Defined]) -> list[Diagnostic]:
    """Stage 4: the checks that compare the definitions of all files (duplicate ids)."""
    return [item for check in ACROSS_CHECKS.values() for item in check(defined)]


def run_check(corpus_dir: Path, facts_dir: Path) -> CheckResult:
    """Check every fact of `facts_dir` against the corpus of `corpus_dir`, keeping it all."""
    corpus = load_corpus(corpus_dir, display_path(corpus_dir))
    parsed = parse_files(read_facts(facts_dir))
    defined = [file.defined for file in parsed]
    tables = Tables.of(defined)
    index = CorpusIndex(corpus)
    checked = [check_file(file.base, corpus, tables, index) for file in parsed]
    base = merged([file.base for file in parsed])
    found = [item for outcome in checked for item in outcome.diagnostics]
    diagnostics = sorted_diagnostics(
        [*corpus.diagnostics, *base.diagnostics, *found, *check_across(defined)]
    )
    quotes = [quote for outcome in checked for quote in outcome.quotes]
    verified = sum(outcome.verified for outcome in checked)
    summary = summarize(len(corpus.documents), defined, (len(quotes), verified), diagnostics)
    return CheckResult(diagnostics, summary, Context(corpus, base, quotes, tables, index))


def summarize(
    documents: int,
    defined: list[Defined],
    quotes: tuple[int, int],
    diagnostics: list[Diagnostic],
) -> Summary:
    """Stage 5: the counts of the summary line; `quotes` is (all, verified)."""
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
