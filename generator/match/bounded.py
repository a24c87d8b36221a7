"""A bound on the closest-sentence search among many documents.

In a repetitive corpus a quote's rarest words are common, and the documents holding them
hold thousands of sentences: scoring every one (rapidfuzz's `partial_ratio`, ~10 µs each)
would take a quote tens of milliseconds. The sentences are scored once each (a sentence that
repeats is scored where it first occurs, as the search would pick it there anyway), and only
as many as BUDGET characters hold: when the documents hold more, the closest of those is
suggested (the cited document's sentences taken first), or none ("nowhere in the corpus"
stays true: the exact search is not bounded). Where they fit, the suggestion is the one an
unbounded search makes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

#: The characters of sentences scored for one quote at most (a few ms of rapidfuzz).
BUDGET = 20_000

#: A sentence of a document: its id, the paragraph (from 0) and the sentence's text.
Candidate = tuple[str, int, str]


def candidate_sentences(
    doc_ids: list[str],
    split: Callable[[str], list[tuple[int, str]]],
    first: str | None = None,
    budget: int = BUDGET,
) -> list[Candidate]:
    """The distinct sentences of `doc_ids` (as `split` gives them: (paragraph, sentence)),
    in order, each where it first occurs; when they hold more than `budget` characters, only
    as many as it holds, those of `first` (the cited document) before the others."""
    found = _distinct(doc_ids, split, budget)
    if found is not None:
        return found
    if first in doc_ids:
        doc_ids = [first, *(doc_id for doc_id in doc_ids if doc_id != first)]
    return _distinct(doc_ids, split, budget, cut=True) or []


def _distinct(
    doc_ids: Iterable[str],
    split: Callable[[str], list[tuple[int, str]]],
    budget: int,
    cut: bool = False,
) -> list[Candidate] | None:
    """`candidate_sentences` of `doc_ids` in this order: all of them, or (past `budget`)
    those it holds if `cut`, else None."""
    seen: set[str] = set()
    found: list[Candidate] = []
    for doc_id in doc_ids:
        for paragraph, sentence in split(doc_id):
            if sentence in seen:
                continue
            budget -= len(sentence)
            if budget < 0:
                return found if cut else None
            seen.add(sentence)
            found.append((doc_id, paragraph, sentence))
    return found
