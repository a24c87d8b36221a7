"""The checks: one a module. Those of `FILE_CHECKS` read one fact file (with the tables of
what all files define) and are cached per file; `ids` compares the definitions of all files."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.check.rules import (
    claim_numbers,
    dates,
    ids,
    mentions,
    quotes,
    references,
    value_keys,
    values,
)
from generator.check.rules.context import Context
from generator.diagnostics import Diagnostic

FileCheck = Callable[[Context], Iterator[Diagnostic]]

FILE_CHECKS: dict[str, FileCheck] = {
    "references": references.check,
    "quotes": quotes.check,
    "values": values.check,
    "value_keys": value_keys.check,
    "claim_numbers": claim_numbers.check,
    "mentions": mentions.check,
    "dates": dates.check,
}

__all__ = ["FILE_CHECKS", "Context", "FileCheck", "ids"]
