"""The rules: one a module, each an `ID` and a `check` function, registered here.

Those of `FILE_CHECKS` read one fact file (with the tables of what all files define), so a
file's findings depend on it and the tables only; those of `ACROSS_CHECKS` compare the
definitions of all files. A new rule is a module with `ID` and `check`, added to one list.
"""

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
from generator.check.tables import Defined
from generator.diagnostics import Diagnostic

FileCheck = Callable[[Context], Iterator[Diagnostic]]
AcrossCheck = Callable[[list[Defined]], Iterator[Diagnostic]]

FILE_CHECKS: dict[str, FileCheck] = {
    rule.ID: rule.check
    for rule in (references, quotes, values, value_keys, claim_numbers, mentions, dates)
}
ACROSS_CHECKS: dict[str, AcrossCheck] = {rule.ID: rule.check for rule in (ids,)}

__all__ = ["ACROSS_CHECKS", "FILE_CHECKS", "AcrossCheck", "Context", "FileCheck"]
