"""Which documents hold two common words in a row: narrows the corpus-wide search for a quote
made of common words (boilerplate, a small vocabulary) to the documents holding its word
pairs, so that its cost follows what the quote holds, not how common its words are.

Exact as a prefilter, as the word index is: the words of a quote with a space on both sides
(all but its first and last) are whole words of any paragraph holding it, one after the
other. Leave out the words that are not common, from the quote and from the document alike:
the common words of the quote are still one after the other in the document, so a document
holding the quote holds each pair of them that are next to each other.
"""

from __future__ import annotations

from array import array
from collections import defaultdict, deque
from collections.abc import Set as AbstractSet
from itertools import pairwise, repeat

from generator.match.bitsets import from_bits, to_bits

#: Only the words held by more documents than this (or than one in DENSE) are paired: a quote
#: with a rarer word has few candidates already (the word index gives them).
COMMON = 48
#: What `PairIndex.to_data` returns, for `marshal`: the common words (sorted), and for each
#: pair of them next to each other (see `kept_pairs`) the documents holding it, packed as the
#: word index packs its postings (an array("I")'s bytes, or an int bitmap when dense).
PairData = tuple[list[str], dict[tuple[str, str], bytes | int]]
#: Pairs are indexed only where they pay (see `worth_pairing`): building them costs about
#: twice the word index (2 to 5 s for 10,000 documents of 5 KB); in a corpus of varied words
#: (news, prose) the quotes' rare words narrow the search as well at no cost.
STRETCH = 8
SAMPLED = 200
DENSE = 32
Pair = tuple[str, str]


class PairIndex:
    """Pairs of common words in a row -> the documents holding them."""

    #: Narrowing stops once this few documents are left.
    FEW = 8

    def __init__(self, data: PairData, size: int) -> None:
        """`data` as `pair_data` made it, for a corpus of `size` documents."""
        if not isinstance(data, tuple) or len(data) != 2:
            raise ValueError("not the data of a pair index")
        self._words = frozenset(data[0])
        self._packed = data[1]
        self._size = size
        self._bits: dict[Pair, int] = {}
        self._data = data

    def to_data(self) -> PairData:
        return self._data

    def narrow(self, numbers: list[int], parts: list[str]) -> list[int]:
        """Those of `numbers` (documents, in corpus order) that may hold every one of `parts`:
        the documents holding each pair of the parts' inner words that the index keeps, the
        rarest pairs first, until FEW are left."""
        if len(numbers) <= self.FEW:
            return numbers
        pairs: set[Pair] = set()
        for part in parts:
            pairs |= kept_pairs(part.split()[1:-1], self._words)
        if not pairs:
            return numbers
        if not self._packed.keys() >= pairs:
            return []  # a pair no document holds
        left = to_bits(numbers, self._size)
        for bits in sorted(map(self._bits_of, pairs), key=int.bit_count):
            left &= bits
            if left.bit_count() <= self.FEW:
                break
        return from_bits(left)

    def _bits_of(self, pair: Pair) -> int:
        found = self._bits.get(pair)
        if found is None:
            packed = self._packed[pair]
            if isinstance(packed, bytes):
                packed = to_bits(array("I", packed).tolist(), self._size)
            found = self._bits[pair] = packed
        return found


def pair_data(haystacks: list[str], counts: dict[str, int]) -> PairData:
    """The pairs of the documents of `haystacks` (their normalised texts, in corpus order)
    made of the words that `counts` (documents holding each word) finds in more than
    `common_above` documents."""
    size = len(haystacks)
    if not worth_pairing(haystacks, counts):
        return [], {}
    least = common_above(size)
    common = sorted(word for word, count in counts.items() if count > least)
    postings = _postings(haystacks, frozenset(common))
    dense = size // DENSE
    packed: dict[Pair, bytes | int] = {
        pair: to_bits(posting, size) if len(posting) > dense else array("I", posting).tobytes()
        for pair, posting in postings.items()
    }
    return common, packed


def worth_pairing(haystacks: list[str], counts: dict[str, int]) -> bool:
    """Whether, in a sample of the documents' stretches of STRETCH words, the rarest of each
    one's inner words is most often held by more than half of the documents: then a quote's
    words alone leave most of the corpus to read, and pairing pays."""
    rarest = []
    for haystack in haystacks[:: max(1, len(haystacks) // SAMPLED)]:
        words = haystack.split()
        for start in range(0, len(words) - STRETCH, STRETCH * 4):
            inner = words[start + 1 : start + STRETCH - 1]
            rarest.append(min(map(counts.__getitem__, inner)))
    return bool(rarest) and sorted(rarest)[len(rarest) // 2] > len(haystacks) // 2


def common_above(size: int) -> int:
    """A word is common when more than this many of `size` documents hold it."""
    return max(COMMON, size // DENSE)


def kept_pairs(words: list[str], kept: AbstractSet[str]) -> set[Pair]:
    """The pairs of `kept` words next to each other once the other `words` are left out."""
    left = list(filter(kept.__contains__, words))
    return set(pairwise(left))


def _postings(haystacks: list[str], kept: frozenset[str]) -> dict[Pair, list[int]]:
    """Each pair (of `kept_pairs`) -> the documents holding it; the loops run in C, as the
    word index's do (a third of the time of a Python loop)."""
    postings: defaultdict[Pair, list[int]] = defaultdict(list)
    posting_of = postings.__getitem__
    for number, haystack in enumerate(haystacks):
        pairs = kept_pairs(haystack.split(), kept)
        deque(map(list.append, map(posting_of, pairs), repeat(number)), maxlen=0)
    return dict(postings)
