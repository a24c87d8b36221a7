"""Finding a quote anywhere in the corpus, and the closest sentence when it is nowhere."""

from __future__ import annotations

import difflib
import time
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import accumulate

from rapidfuzz import fuzz, process

from generator.corpus import Corpus, Document
from generator.sentences import split_sentences
from generator.wordindex import WordIndex


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
    """Searches across every document of a corpus (its word index built lazily, on the first
    miss). The closest sentence is sought in the cited document first (by `ratio`, in the
    paragraph holding most of the quote's rare words: a few µs), then by `partial_ratio` among
    the documents sharing the quote's rarest words."""

    #: A sentence of the cited document this close (rapidfuzz `ratio`) is the suggestion.
    CITED_CUTOFF = 85
    VOTING_WORDS = 6
    #: Otherwise the closest by `partial_ratio`, if at least this close, among the documents
    #: holding one of the quote's RARE_WORDS rarest words (at most MAX_DOCUMENTS of them).
    CUTOFF = 60
    RARE_WORDS = 2
    MAX_DOCUMENTS = 50

    def __init__(self, corpus: Corpus, words: WordIndex | None = None) -> None:
        """`words`: the corpus's word index when a cache kept it (else built on the first
        miss: about 1 s for 50 MB of documents)."""
        self.corpus = corpus
        self._words = words
        self._sentences: dict[str, list[tuple[int, str]]] = {}
        self._starts: dict[str, list[int]] = {}

    def locate_elsewhere(self, parts: list[str], cited: str) -> Location | None:
        inner = [word for part in parts for word in part.split()[1:-1]]
        candidates = self._word_index().holding_all(inner)
        documents = self.corpus.documents
        longest = max(parts, key=len)
        for doc_id in documents if candidates is None else candidates:
            if doc_id != cited and longest in documents[doc_id].haystack:
                found = locate(parts, documents[doc_id])
                if found:
                    return found
        return None

    def closest(self, quote: str, prefer: str | None = None) -> Suggestion | None:
        """The corpus sentence most like `quote`, or None when nothing is close."""
        cited = prefer if prefer is not None and prefer in self.corpus.documents else None
        if cited is not None:
            suggestion = self._best_in_paragraph(quote, self.corpus.documents[cited])
            if suggestion is not None:
                return suggestion
        rare = self._word_index().holding_rare(quote.split(), self.RARE_WORDS, self.MAX_DOCUMENTS)
        doc_ids = sorted(rare if cited is None else {*rare, cited})
        return self._best(quote, doc_ids, fuzz.partial_ratio, self.CUTOFF)

    def _best(
        self, quote: str, doc_ids: list[str], scorer: Callable[..., float], cutoff: float
    ) -> Suggestion | None:
        sentences = [(doc_id, *entry) for doc_id in doc_ids for entry in self._split(doc_id)]
        choices = [sentence for _, _, sentence in sentences]
        best = process.extractOne(quote, choices, scorer=scorer, score_cutoff=cutoff)
        if best is None:
            return None
        doc_id, paragraph, sentence = sentences[best[2]]
        return Suggestion(doc_id, paragraph, sentence, best[1])

    def _best_in_paragraph(self, quote: str, document: Document) -> Suggestion | None:
        """The closest sentence (by `ratio`) of the cited paragraph that holds the most of the
        quote's rarest words: splitting only that paragraph keeps a miss at a few µs."""
        votes: dict[int, int] = {}
        haystack, starts = document.haystack, self._paragraph_starts(document)
        for word in self._word_index().rarest(quote.split(), self.VOTING_WORDS):
            offset = haystack.find(word)
            voted = set()
            while offset >= 0:
                voted.add(bisect_right(starts, offset) - 1)
                offset = haystack.find(word, offset + len(word))
            for paragraph in voted:
                votes[paragraph] = votes.get(paragraph, 0) + 1
        if not votes:
            return None
        paragraph = max(sorted(votes), key=votes.__getitem__)
        text = document.normalized[paragraph]
        choices = [text[start:end] for start, end in split_sentences(text)]
        best = process.extractOne(quote, choices, scorer=fuzz.ratio, score_cutoff=self.CITED_CUTOFF)
        if best is None:
            return None
        return Suggestion(document.id, paragraph, best[0], best[1])

    def _split(self, doc_id: str) -> list[tuple[int, str]]:
        if doc_id not in self._sentences:
            self._sentences[doc_id] = [
                (index, text[start:end])
                for index, text in enumerate(self.corpus.documents[doc_id].normalized)
                for start, end in split_sentences(text)
            ]
        return self._sentences[doc_id]

    def _paragraph_starts(self, document: Document) -> list[int]:
        """The offset in `document.haystack` where each paragraph starts."""
        starts = self._starts.get(document.id)
        if starts is None:
            lengths = accumulate(len(text) + 1 for text in document.normalized)
            starts = self._starts[document.id] = [0, *lengths][:-1]
        return starts

    def _word_index(self) -> WordIndex:
        if self._words is None:
            self._words = WordIndex(self.corpus)
        return self._words


def near_miss_seconds(corpus: Corpus, misses: Sequence[tuple[list[str], str]]) -> float:
    """CPU seconds the quotes check spends on `misses` (each a quote's parts and its cited
    document), its word index built afresh: for the benchmark's cost of a near miss."""
    start = time.process_time()
    index = CorpusIndex(corpus)
    for parts, cited in misses:
        if index.locate_elsewhere(parts, cited) is None:
            index.closest(" ".join(parts), prefer=cited)
    return time.process_time() - start


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
        if tag == "replace" and i1 == 0:  # the quote's first words: only as many of the source's
            j1 = max(j1, j2 - (i2 - i1))
        if tag == "replace" and i2 == quote_len:  # likewise for its last words
            j2 = min(j2, j1 + (i2 - i1))
        kept.append((tag, i1, i2, j1, j2))
    return kept
