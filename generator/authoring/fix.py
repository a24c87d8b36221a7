"""`fix`: the exact corpus text for a quote that misses its sentence by a typo or by case,
and the qualified value (`up to 10`) for a bare one its quote only ever qualifies.

A quote proposal is made only when one span of the cited document is clearly the closest (a
high similarity and a clear margin over any other place), states the same numbers as the quote,
and is found by the checker. Quotes with elisions, or found in another document, are left alone.
A value proposal is made only when exactly one qualified value (or range) is possible.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.authoring.align import Span, candidate_spans
from generator.checker import CheckResult
from generator.checks.context import Context
from generator.checks.values import proposal
from generator.corpus import Document
from generator.normalize import normalize, word_count
from generator.numbers import numbers_in
from generator.search import locate
from generator.verify import MIN_WORDS, QuoteCheck

MIN_SCORE = 90.0
MIN_MARGIN = 5.0


@dataclass(frozen=True, slots=True)
class Proposal:
    """Replace the quote that starts at `line`:`column` of `file` with `new`."""

    file: str
    line: int
    column: int
    owner_id: str
    old: str
    new: str
    score: float


def propose_fixes(result: CheckResult) -> Iterator[Proposal]:
    """A proposal for every failing quote that has one confident corpus match, and for every
    bare value whose quote qualifies its number in exactly one way."""
    context = result.context
    for quote in context.quotes:
        yield from _value_fixes(context, quote)
        document = context.corpus.documents.get(quote.source.doc)
        if document is None or not _fixable(quote):
            continue
        if context.index.locate_elsewhere(quote.parts, document.id) is not None:
            continue
        new = confident_span(quote.source.quote, document)
        if new is not None:
            yield _proposal(quote, new)


def _value_fixes(context: Context, quote: QuoteCheck) -> Iterator[Proposal]:
    if not quote.source.values or not quote.verified:
        return
    for reading in context.readings(quote):
        new = proposal(reading)
        if new is not None:
            line, column = quote.owner.raw.at((*quote.path, "values", reading.name))
            owner = quote.owner.model.id
            yield Proposal(
                quote.owner.raw.file, line, column, owner, reading.value.text, new, 100.0
            )


def _fixable(quote: QuoteCheck) -> bool:
    return not quote.verified and quote.words >= MIN_WORDS and len(quote.parts) == 1


def confident_span(quote: str, document: Document) -> str | None:
    """The verbatim text of the one span of `document` the quote was meant to copy, if any."""
    folded = normalize(quote).casefold()
    ranked = sorted(
        (
            (fuzz.ratio(folded, normalize(span.text).casefold()), span)
            for span in candidate_spans(quote, document)
        ),
        key=lambda pair: -pair[0],
    )
    if not ranked or ranked[0][0] < MIN_SCORE:
        return None
    best_score, best = ranked[0]
    runner_up = next((score for score, span in ranked[1:] if not span.overlaps(best)), 0.0)
    if best_score - runner_up < MIN_MARGIN or not _safe(quote, best, document):
        return None
    return best.text


def _safe(quote: str, span: Span, document: Document) -> bool:
    """Same numbers, long enough, and the checker would find it in the document."""
    plain = normalize(span.text)
    return (
        plain != normalize(quote)
        and numbers_in(plain) == numbers_in(normalize(quote))
        and word_count(plain) >= MIN_WORDS
        and locate([plain], document) is not None
    )


def _proposal(quote: QuoteCheck, new: str) -> Proposal:
    line, column = quote.owner.raw.at((*quote.path, "quote"))
    owner = quote.owner.model.id
    score = fuzz.ratio(normalize(quote.source.quote).casefold(), normalize(new).casefold())
    return Proposal(quote.owner.raw.file, line, column, owner, quote.source.quote, new, score)
