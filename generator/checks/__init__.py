"""One check per module, each a `check(context)` generator of diagnostics, registered here."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.checks import ids, mentions, quotes, references, values
from generator.checks.context import Context
from generator.diagnostics import Diagnostic

Check = Callable[[Context], Iterator[Diagnostic]]

CHECKS: dict[str, Check] = {
    "ids": ids.check,
    "references": references.check,
    "quotes": quotes.check,
    "values": values.check,
    "mentions": mentions.check,
}

__all__ = ["CHECKS", "Check", "Context"]
