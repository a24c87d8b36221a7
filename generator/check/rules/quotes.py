"""quote-too-short, quote-not-found, quote-in-other-document."""

from __future__ import annotations

from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.diagnostics import Diagnostic
from generator.match.search import describe_difference
from generator.match.verify import MIN_WORDS, QuoteCheck

ID = "quotes"


def check(context: Context) -> Iterator[Diagnostic]:
    for quote in context.quotes:
        if quote.words < MIN_WORDS:
            message = (
                f"quote has {quote.words} word{'s' if quote.words != 1 else ''}; "
                f"quote at least {MIN_WORDS} words of the sentence so it can be found"
            )
            yield _at_quote(quote, "quote-too-short", message)
        elif quote.location is None and quote.source.doc in context.corpus.documents:
            yield _missing(context, quote)


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
        difference = describe_difference(" ".join(quote.parts), suggestion.sentence)
        message = (
            f"quote not found in {cited}; closest sentence{where}, paragraph "
            f'{suggestion.paragraph + 1}: "{suggestion.sentence}" differs at {difference}'
        )
    return "quote-not-found", message


def _at_quote(quote: QuoteCheck, code: str, message: str) -> Diagnostic:
    return quote.owner.diagnostic((*quote.path, "quote"), code, message)
