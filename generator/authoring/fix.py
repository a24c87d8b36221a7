"""`fix`: the exact corpus text for a quote that misses its sentence by a typo or by case,
and the qualified value (`up to 10`) for a bare one its quote only ever qualifies.

A quote proposal is made only when one span of the cited document is clearly the closest (a
high similarity and a clear margin over any other place), states the same numbers as the quote,
and is found by the checker. Quotes with elisions, or found in another document, are left alone;
`judge_quotes` says, for each quote left alone, which rule kept it. A value proposal is made
only when exactly one qualified value (or range) is possible.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.authoring.align import Span, candidate_spans
from generator.check.rules.context import Context
from generator.check.rules.values import proposal
from generator.corpus.documents import Document
from generator.corpus.normalize import normalize, word_count
from generator.corpus.numbers import numbers_in
from generator.match.search import locate
from generator.match.verify import MIN_WORDS, QuoteCheck
from generator.result import CheckResult

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


@dataclass(frozen=True, slots=True)
class Kept:
    """A quote that is not found and that `fix` leaves alone: `reason` is the rule that keeps it."""

    file: str
    line: int
    column: int
    owner_id: str
    reason: str


def judge_quotes(result: CheckResult) -> Iterator[Proposal | Kept]:
    """For every quote not found in a known document: its fix, or why it gets none; and for
    every bare value whose quote qualifies its number in exactly one way, its qualified form."""
    context = result.context
    for quote in context.quotes:
        yield from _value_fixes(context, quote)
        document = context.corpus.documents.get(quote.source.doc)
        if document is None or quote.verified:
            continue
        reason = _unfixable(quote)
        if reason is None:
            elsewhere = context.index.locate_elsewhere(quote.parts, document.id)
            if elsewhere is not None:
                reason = (
                    f"it is in {elsewhere.doc_id}, not {document.id}: set doc: "
                    f"{elsewhere.doc_id} (fix corrects the words of a quote, never its doc)"
                )
        new, why = span_verdict(quote.source.quote, document) if reason is None else (None, "")
        yield _proposal(quote, new) if new is not None else _kept(quote, reason or why)


def _unfixable(quote: QuoteCheck) -> str | None:
    if quote.words < MIN_WORDS:
        return f"it is shorter than {MIN_WORDS} words: quote more of the sentence"
    if len(quote.parts) != 1:
        return "it has an elision (...): fix never guesses the words left out; copy each part"
    return None


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


def confident_span(quote: str, document: Document) -> str | None:
    """The verbatim text of the one span of `document` the quote was meant to copy, if any."""
    return span_verdict(quote, document)[0]


def span_verdict(quote: str, document: Document) -> tuple[str | None, str]:
    """The one span of `document` the quote was meant to copy, or None and the rule why not."""
    ranked = _ranked(quote, document)
    if not ranked or ranked[0][0] < MIN_SCORE:
        return None, (
            f"no text of {document.id} is close enough to be a mistyped copy of it "
            "(fix corrects typos, case, punctuation and doubled words only)"
        )
    best_score, best = ranked[0]
    runner_up = next((score for score, span in ranked[1:] if not span.overlaps(best)), 0.0)
    if best_score - runner_up < MIN_MARGIN:
        return None, f"two places of {document.id} match it about equally: fix never chooses"
    if numbers_in(normalize(best.text)) != numbers_in(normalize(quote)):
        return None, (
            f"the closest text of {document.id} states other numbers: fix never changes a "
            f'number; check the number against "{best.text}"'
        )
    if not _safe(quote, best, document):
        return None, f"the closest text of {document.id} would not prove the quote either"
    return best.text, ""


def _ranked(quote: str, document: Document) -> list[tuple[float, Span]]:
    """The spans the quote lines up with, the most alike first."""
    folded = normalize(quote).casefold()
    scored = [
        (fuzz.ratio(folded, normalize(span.text).casefold()), span)
        for span in candidate_spans(quote, document)
    ]
    return sorted(scored, key=lambda pair: -pair[0])


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


def _kept(quote: QuoteCheck, reason: str) -> Kept:
    line, column = quote.owner.raw.at((*quote.path, "quote"))
    return Kept(quote.owner.raw.file, line, column, quote.owner.model.id, reason)
