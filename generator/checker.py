"""The check, as a readable sequence of stages: corpus, facts, quotes, checks, summary."""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from pathlib import Path

from generator.cache import Cache
from generator.checks import CHECKS, Context
from generator.corpus import load_corpus
from generator.diagnostics import Diagnostic, Severity, sorted_diagnostics
from generator.factbase import load_factbase
from generator.verify import verify_quotes
from generator.yamlload import load_file


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

    def to_dict(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in self.__slots__}


@dataclass(frozen=True, slots=True)
class CheckResult:
    diagnostics: list[Diagnostic]
    summary: Summary
    context: Context

    def exit_code(self, strict: bool = False) -> int:
        failing = self.summary.errors + (self.summary.warnings if strict else 0)
        return 1 if failing else 0


def display_path(path: Path) -> str:
    """Paths in diagnostics are relative to the current directory."""
    return os.path.relpath(path)


def run_check(corpus_dir: Path, facts_dir: Path, cache: Cache | None = None) -> CheckResult:
    """Check every fact of `facts_dir` against the corpus of `corpus_dir`.

    With a `cache`, unchanged fact files and documents are not parsed or normalised again;
    the result is the same."""
    collecting = gc.isenabled()
    gc.disable()  # millions of objects are made and few freed: no cycles worth seeking
    try:
        corpus = load_corpus(corpus_dir, display_path(corpus_dir), cache)
        load = cache.load_file if cache else load_file
        base = load_factbase(facts_dir, display_path(facts_dir), load)
        if cache:
            cache.save()
        context = Context(corpus, base, verify_quotes(base, corpus))
        diagnostics = [*corpus.diagnostics, *base.diagnostics]
        for check in CHECKS.values():
            diagnostics.extend(check(context))
    finally:
        if collecting:
            gc.freeze()  # else the first collection would scan all that was just loaded
            gc.enable()
    diagnostics = sorted_diagnostics(diagnostics)
    return CheckResult(diagnostics, summarize(context, diagnostics), context)


def summarize(context: Context, diagnostics: list[Diagnostic]) -> Summary:
    errors = sum(1 for item in diagnostics if item.severity is Severity.ERROR)
    return Summary(
        documents=len(context.corpus.documents),
        countries=len(context.base.countries),
        events=len(context.base.events),
        facts=len(context.base.facts),
        quotes=len(context.quotes),
        quotes_verified=sum(1 for quote in context.quotes if quote.verified),
        errors=errors,
        warnings=len(diagnostics) - errors,
    )
