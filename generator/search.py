"""Finding a quote anywhere in the corpus, and the closest sentence when it is nowhere."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.corpus import Corpus, Document
from generator.sentences import split_sentences


@dataclass(frozen=True, slots=True)
class Location:
    """Where the parts of a quote occur: a paragraph and the normalised offsets they span."""

    doc_id: str
    paragraph: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Suggestion:
    doc_id: str
    paragraph: int
    sentence: str
    score: float


def locate(parts: list[str], document: Document) -> Location | None:
    """The first paragraph of `document` holding every part, in order."""
    if len(parts) == 1:
        offset = document.haystack.find(parts[0])
        if offset < 0:
            return None
        paragraph = document.haystack.count("\n", 0, offset)
        start = offset - (document.haystack.rfind("\n", 0, offset) + 1)
        return Location(document.id, paragraph, start, start + len(parts[0]))
    if not all(part in document.haystack for part in parts):
        return None
    for index, text in enumerate(document.normalized):
        span = _in_order(parts, text)
        if span:
            return Location(document.id, index, *span)
    return None


def _in_order(parts: list[str], text: str) -> tuple[int, int] | None:
    position = first = text.find(parts[0])
    if first < 0:
        return None
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            return None
        position += len(part)
    return first, position


class CorpusIndex:
    """Searches across every document of a corpus (built lazily, on the first miss)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._sentences: list[tuple[str, int, str]] | None = None

    def locate_elsewhere(self, parts: list[str], cited: str) -> Location | None:
        for doc_id, document in self.corpus.documents.items():
            if doc_id != cited:
                found = locate(parts, document)
                if found:
                    return found
        return None

    def closest(self, quote: str, prefer: str | None = None) -> Suggestion | None:
        """The corpus sentence most like `quote`, or None when nothing is close."""
        sentences = self._all_sentences()
        choices = [sentence for _, _, sentence in sentences]
        best = process.extractOne(quote, choices, scorer=fuzz.partial_ratio, score_cutoff=60)
        if best is None:
            return None
        doc_id, paragraph, sentence = sentences[best[2]]
        return Suggestion(doc_id, paragraph, sentence, best[1])

    def _all_sentences(self) -> list[tuple[str, int, str]]:
        if self._sentences is None:
            self._sentences = [
                (doc_id, index, text[start:end])
                for doc_id, document in self.corpus.documents.items()
                for index, text in enumerate(document.normalized)
                for start, end in split_sentences(text)
            ]
        return self._sentences


def describe_difference(quote: str, sentence: str, limit: int = 3) -> str:
    """Where `quote` departs from `sentence`, word by word: "'nine' → 'eight'"."""
    ours, theirs = quote.split(), sentence.split()
    matcher = difflib.SequenceMatcher(None, ours, theirs, autojunk=False)
    blocks = [block for block in matcher.get_opcodes() if block[0] != "equal"]
    trimmed = _trim_ends(blocks, len(ours), len(theirs))
    changes = []
    for tag, i1, i2, j1, j2 in trimmed[:limit]:
        mine, source = " ".join(ours[i1:i2]), " ".join(theirs[j1:j2])
        if tag == "replace":
            changes.append(f"'{mine}' → '{source}'")
        elif tag == "delete":
            changes.append(f"'{mine}' is not in the source")
        else:
            changes.append(f"the source has '{source}' here")
    return "; ".join(changes) if changes else "only in spacing or punctuation"


def _trim_ends(
    blocks: Sequence[tuple[str, int, int, int, int]], quote_len: int, sentence_len: int
) -> list[tuple[str, int, int, int, int]]:
    """Drop the sentence's words before and after the quoted part: a quote may be partial."""
    kept = []
    for tag, i1, i2, j1, j2 in blocks:
        at_edge = i1 == i2 and (i1 == 0 or i1 == quote_len)
        if tag == "insert" and at_edge:
            continue
        kept.append((tag, i1, i2, j1, j2))
    return kept
