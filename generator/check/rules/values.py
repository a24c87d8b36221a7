"""value-not-in-quote: every number of `values` must be stated in its quote."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.corpus.numbers import numbers_in
from generator.diagnostics import Diagnostic

ID = "values"


def check(context: Context) -> Iterator[Diagnostic]:
    for quote in context.quotes:
        if not quote.source.values:
            continue
        stated = numbers_in(" ".join(quote.parts))
        for name, number in quote.source.values.items():
            if number in stated:
                continue
            found = ", ".join(f"{value:,}" for value in sorted(stated)) or "no number"
            message = (
                f"values.{name} is {number:,} but the quote states {found}; "
                "a value must appear in its quote as digits or an English number word"
            )
            path = (*quote.path, "values", name)
            yield quote.owner.diagnostic(path, "value-not-in-quote", message)
