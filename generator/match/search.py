"""Finding a quote anywhere in the corpus, and the closest sentence when it is nowhere."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Indel

from generator.corpus.documents import Corpus, Document
from generator.corpus.numbers import WORD_VALUES, numbers_in
from generator.corpus.sentences import split_sentences
from generator.match.bounded import candidate_sentences
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
    """The first paragraph of `document` holding every part, in order, each on word
    boundaries."""
    if len(parts) == 1:
        offset = find_whole(document.haystack, parts[0])
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


def part_spans(parts: list[str], text: str, start: int) -> list[tuple[int, int]]:
    """Where each part of a quote located at `start` of `text` lies (as `locate` found them)."""
    spans, position = [], start
    for part in parts:
        position = find_whole(text, part, position)
        spans.append((position, position + len(part)))
        position += len(part)
    return spans


def find_whole(text: str, part: str, start: int = 0) -> int:
    """The first offset from `start` where `part` occurs in `text` beginning and ending on
    word boundaries (see `on_boundary`), or -1."""
    offset = text.find(part, start)
    while offset >= 0:
        if on_boundary(text, offset) and on_boundary(text, offset + len(part)):
            return offset
        offset = text.find(part, offset + 1)
    return -1


def on_boundary(text: str, at: int) -> bool:
    """Whether `at` falls between two words of `text`, not inside one: not between two word
    characters, nor inside a number (`2,600`, `1.5`: a `,` or `.` between digits)."""
    before, after = text[at - 1 : at], text[at : at + 1]
    if not before or not after:
        return True
    if _wordish(before) and _wordish(after):
        return False
    if before in ",." and after.isdigit():
        return not text[at - 2 : at - 1].isdigit()
    if after in ",." and before.isdigit():
        return not text[at + 1 : at + 2].isdigit()
    return True


def _wordish(char: str) -> bool:
    return char.isalnum() or char == "_"


def _in_order(parts: list[str], text: str) -> tuple[int, int] | None:
    position = first = find_whole(text, parts[0])
    if first < 0:
        return None
    for part in parts:
        position = find_whole(text, part, position)
        if position < 0:
            return None
        position += len(part)
    return first, position


class CorpusIndex:
    """Searches across every document of a corpus (its word index built lazily, on the first
    miss). The closest sentence is sought in the cited document first (by `ratio`, in the
    paragraph holding most of the quote's rare words: a few µs), then by `partial_ratio` among
    the documents sharing the quote's rarest words (as many of their sentences as
    `bounded.BUDGET` allows)."""

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
        that holds it; only the documents holding its inner words (and their pairs) are
        searched."""
        holding = self._word_index().numbers_holding_parts(parts)
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
        return self._best(quote, doc_ids, fuzz.partial_ratio, self.CUTOFF, cited)

    def _best(
        self,
        quote: str,
        doc_ids: list[str],
        scorer: Callable[..., float],
        cutoff: float,
        cited: str | None = None,
    ) -> Suggestion | None:
        sentences = candidate_sentences(doc_ids, self._split, cited)
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


#: How close (rapidfuzz `ratio`, any case) a quote must be to its span of a sentence for `fix`
#: to take it for a mistyped copy (as `generator.authoring.fix.MIN_SCORE`).
FIXABLE_SCORE = 90.0


def describe_difference(quote: str, sentence: str, limit: int = 3) -> str:
    """Where `quote` departs from `sentence`, word by word: "'nine' → 'eight'"."""
    return compare(quote, sentence, limit)[0]


def compare(quote: str, sentence: str, limit: int = 3, judge: bool = True) -> tuple[str, bool]:
    """Where `quote` departs from `sentence` (as `describe_difference`), and (if `judge`)
    whether it is a mistyped copy of a span of it with the same numbers: what `fix` repairs."""
    ours, theirs = quote.split(), sentence.split()
    opcodes = _opcodes(ours, theirs)
    mistyped = judge and _mistyped(ours, theirs, opcodes)
    return _describe(ours, theirs, opcodes, limit), mistyped


#: Whether some words may state a number (digits or a number word): most differences do not,
#: and telling so is quicker than reading the numbers.
_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[a-z]+")


def _numberish(text: str) -> bool:
    if _DIGIT.search(text):
        return True
    return not WORD_VALUES.keys().isdisjoint(_LETTERS.findall(text.lower()))


def _mistyped(
    ours: list[str], theirs: list[str], opcodes: list[tuple[str, int, int, int, int]]
) -> bool:
    """Whether the span of `theirs` that `quote` lines up with is `quote` but for typos: no
    number among the words that differ, and close enough (a few µs: the near miss's budget)."""
    equal = [block for block in opcodes if block[0] == "equal"]
    if not equal:
        return False
    start = max(0, equal[0][3] - equal[0][1])
    end = min(len(theirs), equal[-1][4] + len(ours) - equal[-1][2])
    mine, source = [], []
    for tag, i1, i2, j1, j2 in opcodes:
        if tag != "equal":
            mine.extend(ours[i1:i2])
            source.extend(theirs[max(j1, start) : min(j2, end)])
    if not (mine or source):
        return False
    quote, span = " ".join(ours), " ".join(theirs[start:end])
    if fuzz.ratio(quote.casefold(), span.casefold()) < FIXABLE_SCORE:
        return False
    mine_text, source_text = " ".join(mine), " ".join(source)
    if not _numberish(f"{mine_text} {source_text}"):
        return True
    return numbers_in(mine_text) == numbers_in(source_text)


def _describe(
    ours: list[str], theirs: list[str], opcodes: list[tuple[str, int, int, int, int]], limit: int
) -> str:
    blocks = [block for block in opcodes if block[0] != "equal"]
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
