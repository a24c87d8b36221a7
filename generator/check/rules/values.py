"""value-not-in-quote, value-qualifier-missing: every value of `values` is stated in one part
of its quote, with the quote's qualifier (`up to 10`) or as its range (`20,000-31,000`)."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.readings import Reading, excerpt
from generator.check.rules.context import Context
from generator.diagnostics import Diagnostic
from generator.load.yaml import shown

ID = "values"


def check(context: Context) -> Iterator[Diagnostic]:
    for quote in context.quotes:
        if not quote.source.values:
            continue
        for name, match in context.matches(quote).items():
            if match is None:
                path = (*quote.path, "values", name)
                code, message = diagnose(context.reading(quote, name))
                yield quote.owner.diagnostic(path, code, shown(message))


def diagnose(reading: Reading) -> tuple[str, str]:
    """The code and message for a value its quote does not state as written."""
    name, value = reading.name, reading.value
    said = list(dict.fromkeys(f'"{excerpt(part, item)}"' for part, item in reading.near))
    proposals = list(dict.fromkeys(item.value for _, item in reading.near))
    write = " or ".join(f"{name}: {proposal}" for proposal in proposals)
    if proposals and value.qualifier is None and value.high is None:
        message = f"the quote says {', '.join(said)}: write {write}"
        return "value-qualifier-missing", message
    if proposals:
        message = f"values.{name} is '{value}' but the quote has {', '.join(said)}: write {write}"
        return "value-not-in-quote", message
    stated = ", ".join(dict.fromkeys(item.value for item in reading.numbers)) or "no number"
    message = (
        f"values.{name} is '{value}' but the quote states {stated}; a value must appear in one "
        "part of its quote, as digits or English number words, with the quote's qualifier"
    )
    return "value-not-in-quote", message


def proposal(reading: Reading) -> str | None:
    """The one value to write for a value-qualifier-missing, when only one is possible."""
    proposals = {item.value for _, item in reading.near}
    if not reading.matches and reading.value.qualifier is None and len(proposals) == 1:
        return proposals.pop()
    return None
