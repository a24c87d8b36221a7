"""claim-number-unsupported: every number of a claim is in one of the fact's quotes, or part of
the fact's date or its event's date. Digits count (with or without thousands separators), and
English number words from two upwards; ordinals (`first`, `21st`) are not numbers here."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.corpus.normalize import normalize
from generator.corpus.numbers import Occurrence, occurrences
from generator.diagnostics import Diagnostic
from generator.load.yaml import shown
from generator.match.verify import QuoteCheck

ID = "claim_numbers"
_ORDINAL_END = re.compile(r"st|nd|rd|th", re.IGNORECASE)


def check(context: Context) -> Iterator[Diagnostic]:
    quotes_by_fact: dict[int, list[QuoteCheck]] = {}
    for quote in context.quotes:
        quotes_by_fact.setdefault(id(quote.owner), []).append(quote)
    for fact in context.base.facts:
        claim = normalize(fact.model.claim)
        claimed = claim_numbers(claim)
        if not claimed:
            continue
        quotes = quotes_by_fact.get(id(fact), [])
        missing = [item for item in claimed if not _stated(context, quotes, item.value)]
        if missing:  # some may be parts of a date
            supported = date_numbers(fact.model.date)
            event = fact.model.event
            supported |= date_numbers(context.tables.event_dates.get(event) if event else None)
            missing = [item for item in missing if item.value not in supported]
        if missing:
            yield fact.diagnostic(("claim",), "claim-number-unsupported", _message(claim, missing))


def _stated(context: Context, quotes: list[QuoteCheck], number: int | None) -> bool:
    """Whether one of the quotes states the number (an unreadable one, None, is stated by none)."""
    if number is not None:
        for quote in quotes:
            if context.states(quote, number):
                return True
    return False


def claim_numbers(claim: str) -> list[Occurrence]:
    """The numbers of a (normalised) claim that must come from its quotes or its date."""
    found = []
    for item in occurrences(claim):
        if _ORDINAL_END.match(claim, item.end) and claim[item.start].isdigit():
            continue  # 21st
        if not claim[item.start].isdigit() and item.value is not None and item.value < 2:
            continue  # `one`, `zero`: words, not counts
        found.append(item)
    return found


def date_numbers(date: str | None) -> set[int | None]:
    """The components of a date (`2014-09-15` -> 2014, 9, 15)."""
    if not date:
        return set()
    return {int(part) for part in date.split("-") if part.isdigit()}


def _message(claim: str, missing: list[Occurrence]) -> str:
    numbers = ", ".join(f"'{claim[item.start : item.end]}'" for item in missing)
    return shown(
        f"the claim states {numbers}, which no quote of the fact states (nor its date); "
        "a claim adds no number: take it from a quote, or reword the claim"
    )
