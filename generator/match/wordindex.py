"""Which documents hold a word: the prefilter of corpus-wide quote searches."""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Iterable
from functools import reduce
from itertools import repeat
from operator import and_

from generator.corpus.documents import Corpus
from generator.match.bitsets import from_bits, to_bits
from generator.match.ngrams import PairData, PairIndex, pair_data

#: What `WordIndex.to_data` returns, for `marshal`: the document ids, and for each word how
#: many documents hold it and which: their numbers as the bytes of an array("I"), or, when
#: more than one document in DENSE holds it, as an int whose bit n is set when document n
#: does (a bitmap is then the smaller, and narrowing a search by the word costs one `&`).
#: Last, the pairs of words in a row, where they pay (see `generator.match.ngrams`).
IndexData = tuple[list[str], dict[str, int], dict[str, bytes | int], PairData]
DENSE = 32
#: Sorts after every count of documents.
_UNKNOWN = 1 << 62


class WordIndex:
    """Whitespace-separated words of the normalised documents -> the documents holding them.

    Exact for substring search: a word of a quote with a space on both sides (not its first
    or last word, which may be cut) is a whole word of every paragraph that holds the quote.
    Building it splits every document (1.5 to 3 s for 50 MB here); `to_data` lets a cache keep it.
    """

    #: `holding_all` returns the documents holding the rarest word when at most this many do,
    #: else those holding its rarest words, as many as it takes to leave at most this many.
    FEW = 8
    #: A commoner word narrows them only if its bits were made before, or if searching the
    #: documents left costs more than making them (a document left ~ this many of its posting).
    CHECK_COST = 32

    def __init__(self, corpus: Corpus, data: IndexData | None = None) -> None:
        self.order = list(corpus.documents)
        if data is None:
            data = _index_data(self.order, (doc.haystack for doc in corpus.documents.values()))
        elif len(data) != 4 or data[0] != self.order:
            raise ValueError("the word index was built for other documents")
        self._counts, self._packed = data[1], data[2]
        #: Pairs of words in a row -> the documents holding them (where they pay).
        self.pairs = PairIndex(data[3], len(self.order))
        self._postings: dict[str, list[int]] = {}
        self._masks: dict[str, int] = {}

    @classmethod
    def of_texts(cls, corpus: Corpus, haystacks: Iterable[str]) -> WordIndex:
        """The index of the corpus's documents, from their normalised texts (`haystack`s) in
        corpus order, made elsewhere: the documents themselves are not read."""
        return cls(corpus, _index_data(list(corpus.documents), haystacks))

    def to_data(self) -> IndexData:
        """The index as plain data for `marshal`: `WordIndex(corpus, data)` takes it back."""
        return self.order, self._counts, self._packed, self.pairs.to_data()

    def holding_all(self, words: Iterable[str]) -> list[str] | None:
        """Ids (in corpus order) of the documents holding every one of `words` (None when no
        word is given: then any document may hold the quote)."""
        numbers = self.numbers_holding_all(words)
        return None if numbers is None else self._ids(numbers)

    def numbers_holding_parts(self, parts: list[str]) -> list[int] | None:
        """The documents (numbers, in corpus order) that may hold every one of a quote's
        `parts`: those holding its inner words and (where pairs were made) its pairs of
        words in a row; None when no word narrows them (do not change the list)."""
        found = self._holding_all(word for part in parts for word in part.split()[1:-1])
        return None if found is None else self.pairs.narrow(found, parts)

    def numbers_holding_all(self, words: Iterable[str]) -> list[int] | None:
        """`holding_all` as the documents' numbers in corpus order (do not change the list)."""
        found = self._holding_all(words)
        return from_bits(found) if isinstance(found, int) else found

    def _holding_all(self, words: Iterable[str]) -> list[int] | int | None:
        """`numbers_holding_all`, as a bitmap (see `bitsets`) when it was made as one."""
        words = set(words)
        if not words:
            return None
        counts = self._counts
        if not counts.keys() >= words:
            return []
        rarest = sorted(words, key=counts.__getitem__)
        if counts[rarest[0]] <= self.FEW:
            return self.posting(rarest[0])
        mask = self._bits(rarest[0])
        left = counts[rarest[0]]
        for word in rarest[1:]:
            if left <= self.FEW:
                break
            if self._has_bits(word) or left * self.CHECK_COST > counts[word]:
                mask &= self._bits(word)  # kept: a later quote narrows with it in a few µs
                left = mask.bit_count()
        return mask

    def holding_rare(self, words: Iterable[str], count: int, limit: int) -> list[str]:
        """Ids (in corpus order) of at most `limit` documents holding the `count` rarest known
        words of `words` (fewer words when no document holds them all)."""
        counts = self._counts
        known = sorted((counts[word], word) for word in set(words) if word in counts)
        for take in range(min(count, len(known)), 0, -1):
            found = self._first_holding([word for _, word in known[:take]], limit)
            if found:
                return self._ids(found)
        return []

    def _first_holding(self, words: list[str], limit: int) -> list[int]:
        """The first `limit` documents (by number) holding every one of `words`."""
        if any(map(self._has_bits, words)):
            return from_bits(reduce(and_, map(self._bits, words)), limit)
        postings = list(map(self.posting, words))
        return sorted(set(postings[0]).intersection(*postings[1:]))[:limit]

    def rarest(self, words: Iterable[str], count: int) -> list[str]:
        """The `count` words of `words` that the fewest documents hold (unknown ones left out)."""
        unique = set(words)
        counted = zip(map(self._counts.get, unique, repeat(_UNKNOWN)), unique, strict=True)
        known = sorted(counted)[:count]
        return [word for number, word in known if number != _UNKNOWN]

    def posting(self, word: str) -> list[int]:
        """The numbers of the documents holding `word`, in corpus order."""
        found = self._postings.get(word)
        if found is None:
            packed = self._packed.get(word)
            if packed is None:
                return []
            found = from_bits(packed) if isinstance(packed, int) else array("I", packed).tolist()
            self._postings[word] = found
        return found

    def _has_bits(self, word: str) -> bool:
        return word in self._masks or isinstance(self._packed.get(word), int)

    def _bits(self, word: str) -> int:
        """The posting of `word` as an int whose bit n is set when document n holds it."""
        packed = self._packed.get(word)
        if isinstance(packed, int):
            return packed
        found = self._masks.get(word)
        if found is None:
            found = self._masks[word] = to_bits(self.posting(word), len(self.order))
        return found

    def _ids(self, numbers: list[int]) -> list[str]:
        return [self.order[number] for number in numbers]


def _index_data(order: list[str], texts: Iterable[str]) -> IndexData:
    haystacks = list(texts)
    postings = _postings(haystacks)
    counts = {word: len(posting) for word, posting in postings.items()}
    dense = len(order) // DENSE
    packed = {
        word: to_bits(posting, len(order))
        if len(posting) > dense
        else array("I", posting).tobytes()
        for word, posting in postings.items()
    }
    return order, counts, packed, pair_data(haystacks, counts)


def _postings(haystacks: Iterable[str]) -> dict[str, list[int]]:
    """Each word -> the numbers of the documents holding it. The appends run in C (a map
    drained by a zero-length deque): a Python loop over every pair costs twice as much."""
    postings: defaultdict[str, list[int]] = defaultdict(list)
    posting_of = postings.__getitem__
    for number, haystack in enumerate(haystacks):
        deque(map(list.append, map(posting_of, set(haystack.split())), repeat(number)), maxlen=0)
    return dict(postings)
