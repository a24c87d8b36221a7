"""Which documents hold a word: the prefilter of corpus-wide quote searches."""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Iterable
from itertools import repeat

from generator.corpus import Corpus

#: What `WordIndex.to_data` returns, for `marshal`: the document ids, and for each word how
#: many documents hold it and which (their numbers, as the bytes of an array("I")).
IndexData = tuple[list[str], dict[str, int], dict[str, bytes]]


class WordIndex:
    """Whitespace-separated words of the normalised documents -> the documents holding them.

    Exact for substring search: a word of a quote with a space on both sides (not its first
    or last word, which may be cut) is a whole word of every paragraph that holds the quote.
    Building it splits every document (about 1 s for 50 MB); `to_data` lets a cache keep it.
    """

    #: `holding_all` returns the documents holding the rarest word when at most this many do.
    FEW = 8
    #: Else the documents holding all of its NARROWING rarest words.
    NARROWING = 4

    def __init__(self, corpus: Corpus, data: IndexData | None = None) -> None:
        self.order = list(corpus.documents)
        self._packed: dict[str, bytes] = {}
        if data is None:
            self._postings = _postings(document.haystack for document in corpus.documents.values())
            self._counts = {word: len(posting) for word, posting in self._postings.items()}
        else:
            if data[0] != self.order:
                raise ValueError("the word index was built for other documents")
            self._postings, self._counts, self._packed = {}, data[1], data[2]
        self._masks: dict[str, int] = {}

    def to_data(self) -> IndexData:
        """The index as plain data for `marshal`: `WordIndex(corpus, data)` takes it back."""
        packed = dict(self._packed)
        for word, posting in self._postings.items():
            packed[word] = array("I", posting).tobytes()
        return self.order, self._counts, packed

    def holding_all(self, words: Iterable[str]) -> list[str] | None:
        """Ids (in corpus order) of the documents holding every one of `words` (None when no
        word is given: then any document may hold the quote)."""
        words = set(words)
        if not words:
            return None
        if not all(word in self._counts for word in words):
            return []
        rarest = sorted(words, key=self._counts.__getitem__)
        if self._counts[rarest[0]] <= self.FEW:
            return self._ids(self.posting(rarest[0]))
        mask = -1
        for word in rarest[: self.NARROWING]:  # commoner words narrow little, cost much
            mask &= self._bits(word)
            if not mask:
                return []
        return self._ids(_set_bits(mask))

    def holding_rare(self, words: Iterable[str], count: int, limit: int) -> list[str]:
        """Ids (in corpus order) of at most `limit` documents holding the `count` rarest known
        words of `words` (fewer words when no document holds them all)."""
        known = [self.posting(word) for word in set(words) if word in self._counts]
        known.sort(key=len)
        for take in range(min(count, len(known)), 0, -1):
            found = sorted(set(known[0]).intersection(*known[1:take]))
            if found:
                return self._ids(found[:limit])
        return []

    def rarest(self, words: Iterable[str], count: int) -> list[str]:
        """The `count` words of `words` that the fewest documents hold (unknown ones left out)."""
        counts = self._counts
        known = sorted((counts[word], word) for word in set(words) if word in counts)
        return [word for _, word in known[:count]]

    def posting(self, word: str) -> list[int]:
        """The numbers of the documents holding `word`, in corpus order."""
        found = self._postings.get(word)
        if found is None:
            packed = self._packed.get(word)
            found = array("I", packed).tolist() if packed else []
            if packed:
                self._postings[word] = found
        return found

    def _bits(self, word: str) -> int:
        """The posting of `word` as an int whose bit n is set when document n holds it."""
        found = self._masks.get(word)
        if found is None:
            digits = bytearray(b"0") * len(self.order)
            deque(map(digits.__setitem__, self.posting(word), repeat(ord("1"))), maxlen=0)
            found = self._masks[word] = int(digits[::-1], 2)
        return found

    def _ids(self, numbers: list[int]) -> list[str]:
        return [self.order[number] for number in numbers]


def _set_bits(mask: int) -> list[int]:
    """The positions of the bits set in `mask`, lowest first."""
    digits = bin(mask)[:1:-1]  # the lowest bit first, without the "0b"
    numbers = []
    at = digits.find("1")
    while at >= 0:
        numbers.append(at)
        at = digits.find("1", at + 1)
    return numbers


def _postings(haystacks: Iterable[str]) -> dict[str, list[int]]:
    """Each word -> the numbers of the documents holding it. The appends run in C (a map
    drained by a zero-length deque): a Python loop over every pair costs twice as much."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    posting_of = postings.__getitem__
    for number, haystack in enumerate(haystacks):
        deque(map(list.append, map(posting_of, set(haystack.split())), repeat(number)), maxlen=0)
    return dict(postings)
