"""Where a mistyped quote sits in a document: the smallest span of words it lines up with."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from rapidfuzz import fuzz

from generator.corpus.documents import Document
from generator.corpus.normalize import normalize
from generator.corpus.sentences import split_sentences

#: Windows of up to this many consecutive sentences are tried (a quote may span sentences).
MAX_SENTENCES = 3
MIN_MATCHED = 0.6
_TOKEN = re.compile(r"\S+")
_NON_WORD = re.compile(r"\W+")

Word = tuple[int, int, str]  # start, end, comparison key


@dataclass(frozen=True, slots=True)
class Span:
    """Verbatim text of a paragraph (0-based) between two character offsets."""

    paragraph: int
    start: int
    end: int
    text: str

    def overlaps(self, other: Span) -> bool:
        same = self.paragraph == other.paragraph
        return same and self.start < other.end and other.start < self.end


def key(token: str) -> str:
    """What two words must share to line up: letters and digits, any case."""
    folded = normalize(token).casefold()
    return _NON_WORD.sub("", folded) or folded


def candidate_spans(quote: str, document: Document) -> Iterator[Span]:
    """For each window of 1 to 3 sentences of each paragraph, the span the quote lines up with."""
    quote_words = normalize(quote).split()
    keys = [key(word) for word in quote_words]
    for number, paragraph in enumerate(document.paragraphs):
        words = [(m.start(), m.end(), key(m.group())) for m in _TOKEN.finditer(paragraph)]
        sentences = split_sentences(paragraph)
        for first in range(len(sentences)):
            for last in range(first, min(first + MAX_SENTENCES, len(sentences))):
                low, high = sentences[first][0], sentences[last][1]
                window = [word for word in words if low <= word[0] < high]
                found = _align(keys, window)
                if found is not None:
                    start, end = _trim(quote_words, paragraph, *found)
                    yield Span(number, start, end, paragraph[start:end])


def _align(keys: list[str], window: list[Word]) -> tuple[int, int] | None:
    """Character offsets of the window's words that line up with the quote's words."""
    matcher = SequenceMatcher(None, keys, [word[2] for word in window], autojunk=False)
    blocks = [block for block in matcher.get_matching_blocks() if block.size]
    if not blocks or sum(block.size for block in blocks) < MIN_MATCHED * len(keys):
        return None
    first_word, last_word = blocks[0].b, blocks[-1].b + blocks[-1].size - 1
    index = blocks[0].a
    while index > 0 and first_word > 0 and _alike(keys[index - 1], window[first_word - 1]):
        index, first_word = index - 1, first_word - 1
    index = blocks[-1].a + blocks[-1].size
    while index < len(keys) and last_word + 1 < len(window):
        if not _alike(keys[index], window[last_word + 1]):
            break
        index, last_word = index + 1, last_word + 1
    return window[first_word][0], window[last_word][1]


def _alike(quote_key: str, word: Word) -> bool:
    """A mistyped word: close enough to the document's word to stand for it."""
    return fuzz.ratio(quote_key, word[2]) >= 60


def _trim(quote_words: list[str], paragraph: str, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation at the span's edges where the quote has none (a closing period)."""
    if quote_words and quote_words[0][:1].isalnum():
        while start < end and not paragraph[start].isalnum():
            start += 1
    if quote_words and quote_words[-1][-1:].isalnum():
        while end > start and not paragraph[end - 1].isalnum():
            end -= 1
    return start, end
