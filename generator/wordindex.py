"""Which documents hold a word: the prefilter of corpus-wide quote searches."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from generator.corpus import Corpus


class WordIndex:
    """Whitespace-separated words of the normalised documents -> the documents holding them.

    Exact for substring search: a word of a quote with a space on both sides (not its first
    or last word, which may be cut) is a whole word of every paragraph that holds the quote.
    """

    def __init__(self, corpus: Corpus) -> None:
        self.order = list(corpus.documents)
        postings: dict[str, list[int]] = {}
        for number, document in enumerate(corpus.documents.values()):
            for word in set(document.haystack.split()):
                posting = postings.get(word)
                if posting is None:
                    postings[word] = [number]
                else:
                    posting.append(number)
        self._postings = postings

    def holding_all(self, words: Iterable[str]) -> list[str] | None:
        """Ids (in corpus order) of the documents holding every one of `words` (None when no
        word is given: then any document may hold the quote)."""
        postings = sorted((self._postings.get(word, []) for word in set(words)), key=len)
        if not postings:
            return None
        return self._ids(_intersect(postings, 3))  # a superset: callers check each one

    def holding_rare(self, words: Iterable[str], count: int, limit: int) -> list[str]:
        """Ids (in corpus order) of at most `limit` documents holding the `count` rarest known
        words of `words` (fewer words when no document holds them all)."""
        known = [posting for word in set(words) if (posting := self._postings.get(word))]
        known.sort(key=len)
        for take in range(min(count, len(known)), 0, -1):
            found = _intersect(known, take)
            if found:
                return self._ids(found[:limit])
        return []

    def rarest(self, words: Iterable[str], count: int) -> list[str]:
        """The `count` words of `words` that the fewest documents hold (unknown ones left out)."""
        known = {word for word in words if word in self._postings}
        return sorted(known, key=lambda word: (len(self._postings[word]), word))[:count]

    def _ids(self, numbers: list[int]) -> list[str]:
        return [self.order[number] for number in numbers]


def _intersect(postings: list[list[int]], count: int) -> list[int]:
    """Document numbers in all of the first `count` postings (shortest first), in order.

    Postings are sorted (documents are numbered in corpus order), so the few survivors are
    looked up by bisection instead of walking every long posting."""
    common = postings[0]
    for posting in postings[1:count]:
        if not common:
            break
        common = [number for number in common if _holds(posting, number)]
    return common


def _holds(posting: list[int], number: int) -> bool:
    at = bisect_left(posting, number)
    return at < len(posting) and posting[at] == number
