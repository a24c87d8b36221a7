"""Finding a quote anywhere in the corpus, and the closest sentence when it is nowhere."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from generator.corpus.documents import Corpus, Document
from generator.corpus.sentences import split_sentences
from generator.match.wordindex import WordIndex


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

    def __init__(
        self, corpus: Corpus, words: WordIndex | Callable[[Corpus], WordIndex] = WordIndex
    ) -> None:
        """`words`: the corpus's word index, or what makes it when a search first needs it
        (by default it is built then: 1.5 to 3 s for 50 MB of documents here)."""
        self.corpus = corpus
        self._words = words
        self._sentences: dict[str, list[tuple[int, str]]] = {}
        self._order = list(corpus.documents)
        self._numbers = {doc_id: number for number, doc_id in enumerate(self._order)}
        #: The haystack of each document (by number) once a search has read it.
        self._haystacks: list[str | None] = [None] * len(self._order)

    def locate_elsewhere(self, parts: list[str], cited: str) -> Location | None:
        """Where the quote of `parts` is in the first document (in corpus order) but `cited`
        that holds it; only the documents holding its inner words are searched."""
        inner = [word for part in parts for word in part.split()[1:-1]]
        holding = self._word_index().numbers_holding_all(inner)
        numbers = range(len(self._order)) if holding is None else holding
        longest = max(parts, key=len)
        known, read, skip = self._haystacks, self._read, self._numbers.get(cited)
        for number in numbers:
            if number != skip and longest in (known[number] or read(number)):
                found = locate(parts, self.corpus.documents[self._order[number]])
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
        words = self._word_index().rarest(quote.split(), self.VOTING_WORDS)
        paragraph = _first_holding_most(document.normalized, words)
        if paragraph is None:
            return None
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

    def _read(self, number: int) -> str:
        text = self._haystacks[number] = self.corpus.documents[self._order[number]].haystack
        return text

    def _word_index(self) -> WordIndex:
        if not isinstance(self._words, WordIndex):
            self._words = self._words(self.corpus)
        return self._words


def _first_holding_most(paragraphs: list[str], words: list[str]) -> int | None:
    """The first of `paragraphs` that holds (as substrings) the most of `words`, if any does."""
    if not words:
        return None
    for number, text in enumerate(paragraphs):  # most often one holds them all
        if all(map(text.__contains__, words)):
            return number
    votes = [sum(map(text.__contains__, words)) for text in paragraphs]
    most = max(votes, default=0)
    return votes.index(most) if most else None


def describe_difference(quote: str, sentence: str, limit: int = 3) -> str:
    """Where `quote` departs from `sentence`, word by word: "'nine' → 'eight'"."""
    ours, theirs = quote.split(), sentence.split()
    blocks = [block for block in _opcodes(ours, theirs) if block[0] != "equal"]
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


def _opcodes(a: list[str], b: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The blocks (tag, a from, a to, b from, b to) that turn words `a` into words `b`, along
    their longest common subsequence (rapidfuzz's Indel); a deletion next to an insertion is
    one replacement."""
    blocks: list[tuple[str, int, int, int, int]] = []
    for op in Indel.opcodes(a, b):
        if blocks and op.tag != "equal" and blocks[-1][0] != "equal":
            _, i1, _, j1, _ = blocks[-1]
            blocks[-1] = ("replace", i1, op.src_end, j1, op.dest_end)
        else:
            blocks.append((op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end))
    return blocks


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
