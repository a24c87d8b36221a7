"""quote-too-short, quote-not-found, quote-in-other-document."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.corpus.normalize import word_count
from generator.diagnostics import Diagnostic
from generator.match.search import compare
from generator.match.verify import MIN_PART_WORDS, MIN_WORDS, QuoteCheck

ID = "quotes"
#: Added to a miss that `fix` repairs: a mistyped copy of a sentence of the cited document.
FIX_HINT = "`python -m generator fix` can replace it with the source's text"


def check(context: Context) -> Iterator[Diagnostic]:
    for quote in context.quotes:
        if quote.words < MIN_WORDS:
            message = (
                f"quote has {quote.words} word{'s' if quote.words != 1 else ''}; "
                f"quote at least {MIN_WORDS} words of the sentence so it can be found"
            )
            yield _at_quote(quote, "quote-too-short", message)
        elif quote.shortest_part < MIN_PART_WORDS:
            yield _at_quote(quote, "quote-too-short", _short_part(quote))
        elif quote.location is None and quote.source.doc in context.corpus.documents:
            yield _missing(context, quote)


def _short_part(quote: QuoteCheck) -> str:
    part = min(quote.parts, key=word_count)
    return (
        f"the part '{part}' between elisions has {word_count(part)} "
        f"word{'s' if word_count(part) != 1 else ''}; each part of an elided quote must hold "
        f"at least {MIN_PART_WORDS} words of the source, so the cut cannot change its meaning"
    )


def _missing(context: Context, quote: QuoteCheck) -> Diagnostic:
    return _at_quote(quote, *_conclude(context, quote))


def _conclude(context: Context, quote: QuoteCheck) -> tuple[str, str]:
    """Where else the quote is, or the closest sentence to it: a code and a message."""
    cited = quote.source.doc
    elsewhere = context.index.locate_elsewhere(quote.parts, cited)
    if elsewhere is not None:
        message = (
            f"quote is not in {cited} but is in {elsewhere.doc_id} "
            f"(paragraph {elsewhere.paragraph + 1}); set doc: {elsewhere.doc_id}"
        )
        return "quote-in-other-document", message
    suggestion = context.index.closest(" ".join(quote.parts), prefer=cited)
    if suggestion is None:
        message = f"quote not found in {cited} nor anywhere in the corpus; copy it from the source"
    else:
        where = "" if suggestion.doc_id == cited else f" (in {suggestion.doc_id}, not {cited})"
        judge = not where and len(quote.parts) == 1  # what fix takes on: no elision, same doc
        difference, mistyped = compare(" ".join(quote.parts), suggestion.sentence, judge=judge)
        message = (
            f"quote not found in {cited}; closest sentence{where}, paragraph "
            f'{suggestion.paragraph + 1}: "{suggestion.sentence}" differs at {difference}'
        )
        if mistyped:
            message += f"; {FIX_HINT}"
    return "quote-not-found", message


def _at_quote(quote: QuoteCheck, code: str, message: str) -> Diagnostic:
    return quote.owner.diagnostic((*quote.path, "quote"), code, message)
