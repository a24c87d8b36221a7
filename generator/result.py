"""What a check found: the diagnostics and the counts, and (from `run_check`) what it loaded.

`check.pipeline.run_check` and `incremental.check_project` both give an `Outcome`; the
reporters print one.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.check.rules.context import Context
from generator.diagnostics import Diagnostic


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
    """An outcome with everything that was loaded to reach it (the site and `fix` read it)."""

    context: Context
