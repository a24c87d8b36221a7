"""Which documents hold two words in a row: narrows the corpus-wide search for a quote made
of common words (boilerplate, a small vocabulary) to the documents holding its pairs of
words, so that its cost follows what the quote holds, not how common its words are.

The words here are runs of letters, digits and `_` (a `,` or `.` between digits kept within
a number), as `search.on_boundary` sees words: a quote is found only where it starts and ends
on word boundaries, so its runs, its first and last included, are whole runs of the document,
one after the other. A document holding the quote holds each of its pairs: the prefilter is
exact, as the word index is.
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict, deque
from itertools import pairwise, repeat

from generator.match.bitsets import from_bits, to_bits

#: A run: `\w` is `str.isalnum()` or `_`, as `on_boundary`'s word characters; it splits
#: wherever `on_boundary` does (and, for digits that are not decimal, a little more).
_RUN = re.compile(r"\w+(?:(?<=\d)[,.](?=\d)\w+)*")
Pair = tuple[str, str]
#: What `PairIndex.to_data` returns, for `marshal`: whether pairs were made, and for each pair
#: the documents holding it, packed as the word index packs its postings (an array("I")'s
#: bytes, or an int bitmap when more than one document in DENSE holds it).
PairData = tuple[bool, dict[Pair, bytes | int]]
DENSE = 32
#: Pairs are made only where they pay (see `worth_pairing`): they cost two to three times the
#: word index to make (2 to 5 s for 10,000 documents of 5 KB); in a corpus of varied words
#: (news, prose) a quote's rarer words narrow its search as well, at no cost.
STRETCH = 8
SAMPLED = 200


class PairIndex:
    """Pairs of words in a row -> the documents holding them."""

    #: Narrowing stops once this few documents are left.
    FEW = 8

    def __init__(self, data: PairData, size: int) -> None:
        """`data` as `pair_data` made it, for a corpus of `size` documents."""
        if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[1], dict)):
            raise ValueError("not the data of a pair index")
        self._data = data
        self._size = size
        self._bits: dict[Pair, int] = {}

    def to_data(self) -> PairData:
        return self._data

    def narrow(self, numbers: list[int] | int, parts: list[str]) -> list[int]:
        """Those of `numbers` (documents, in corpus order, or their bitmap) that may hold every
        one of `parts`: those holding each of their pairs of words, the rarest pairs first,
        until FEW are left (all of `numbers` when no pairs were made)."""
        made, packed = self._data
        pairs = set().union(*(pairs_of(part) for part in parts)) if made else set()
        if not pairs or (isinstance(numbers, list) and len(numbers) <= self.FEW):
            return numbers if isinstance(numbers, list) else from_bits(numbers)
        if not packed.keys() >= pairs:
            return []  # a pair no document holds
        left = numbers if isinstance(numbers, int) else to_bits(numbers, self._size)
        for bits in sorted(map(self._bits_of, pairs), key=int.bit_count):
            left &= bits
            if left.bit_count() <= self.FEW:
                break
        return from_bits(left)

    def _bits_of(self, pair: Pair) -> int:
        found = self._bits.get(pair)
        if found is None:
            packed = self._data[1][pair]
            if isinstance(packed, bytes):
                packed = to_bits(array("I", packed).tolist(), self._size)
            found = self._bits[pair] = packed
        return found


def pairs_of(text: str) -> set[Pair]:
    """The pairs of runs (see the module) next to each other in `text`."""
    return set(pairwise(_RUN.findall(text)))


def pair_data(haystacks: list[str], counts: dict[str, int]) -> PairData:
    """The pairs of the documents of `haystacks` (their normalised texts, in corpus order),
    if `worth_pairing` (`counts`: how many documents hold each whitespace-separated word)."""
    if not worth_pairing(haystacks, counts):
        return False, {}
    size = len(haystacks)
    packed: dict[Pair, bytes | int] = {
        pair: to_bits(posting, size)
        if len(posting) > size // DENSE
        else array("I", posting).tobytes()
        for pair, posting in _postings(haystacks).items()
    }
    return True, packed


def worth_pairing(haystacks: list[str], counts: dict[str, int]) -> bool:
    """Whether, in a sample of the documents' stretches of STRETCH words, the rarest of each
    one's inner words is most often held by more than half of the documents: then a quote's
    words alone leave most of the corpus to read, and pairs pay."""
    rarest = []
    for haystack in haystacks[:: max(1, len(haystacks) // SAMPLED)]:
        words = haystack.split()
        for start in range(0, len(words) - STRETCH, STRETCH * 4):
            inner = words[start + 1 : start + STRETCH - 1]
            rarest.append(min(map(counts.__getitem__, inner)))
    return bool(rarest) and sorted(rarest)[len(rarest) // 2] > len(haystacks) // 2


def _postings(haystacks: list[str]) -> dict[Pair, list[int]]:
    """Each pair -> the documents holding it; the loops run in C, as the word index's do (a
    third of the time of a Python loop)."""
    postings: defaultdict[Pair, list[int]] = defaultdict(list)
    posting_of = postings.__getitem__
    for number, haystack in enumerate(haystacks):
        deque(map(list.append, map(posting_of, pairs_of(haystack)), repeat(number)), maxlen=0)
    return dict(postings)
