"""The corpus-wide searches of the quotes rule, remembered from outside the rule.

A quote not found where it says it is costs two searches of the whole corpus: is it in
another document (`locate_elsewhere`), else which sentence is closest (`closest`). Both are
pure functions of the corpus and their arguments, so `RecallingIndex` answers them from what
earlier runs on the same corpus found (kept in the cache, keyed by the corpus in
`keys.search_entries`), and `WordSource` gives the corpus's word index from the cache or the
parent process rather than building it again.
"""

from __future__ import annotations

from collections.abc import Callable

from generator.corpus.documents import Corpus
from generator.match.search import CorpusIndex, Location, Suggestion
from generator.match.wordindex import WordIndex

#: A search and its arguments: ("elsewhere", cited, *parts) or ("closest", prefer, quote).
SearchKey = tuple[str, ...]
#: What it found, as plain data: a `Location` or a `Suggestion` as a tuple, or None.
Found = tuple[str, int, int, int] | tuple[str, int, str, float] | None


class WordSource:
    """The corpus's word index when a search first needs it: the one `given` (a cache's, or
    the parent process's), else built here (then kept in `built`, for the cache)."""

    def __init__(self, given: Callable[[], WordIndex | None]) -> None:
        self.given = given
        self.built: WordIndex | None = None

    def __call__(self, corpus: Corpus) -> WordIndex:
        words = self.given()
        if words is None:
            words = self.built = WordIndex(corpus)
        return words


class Recalled:
    """What the searches found, by key: those of earlier runs (loaded when first asked),
    and those made in this run (`new`); `asked` lists every key asked, in order (what a
    file's quotes asked while it was checked is which misses it has)."""

    def __init__(self, load: Callable[[], dict[SearchKey, Found] | None] = lambda: None) -> None:
        self._load = load
        self._known: dict[SearchKey, Found] | None = None
        self.new: dict[SearchKey, Found] = {}
        self.asked: list[SearchKey] = []

    def get(self, key: SearchKey) -> tuple[bool, Found]:
        """(whether `key` was searched before, what was found)."""
        self.asked.append(key)
        if self._known is None:
            self._known = self._load() or {}
        for found in (self._known, self.new):
            if key in found:
                return True, found[key]
        return False, None


class RecallingIndex(CorpusIndex):
    """A `CorpusIndex` whose two corpus-wide searches are answered from `recalled` when they
    were made before, and added to it when not."""

    def __init__(self, corpus: Corpus, words: WordIndex | WordSource, recalled: Recalled) -> None:
        super().__init__(corpus, words)
        self.recalled = recalled

    def locate_elsewhere(self, parts: list[str], cited: str) -> Location | None:
        key = ("elsewhere", cited, *parts)
        known, found = self.recalled.get(key)
        if known:
            return None if found is None else Location(*found)
        location = super().locate_elsewhere(parts, cited)
        self.recalled.new[key] = None if location is None else _location_data(location)
        return location

    def closest(self, quote: str, prefer: str | None = None) -> Suggestion | None:
        key = ("closest", prefer or "", quote)
        known, found = self.recalled.get(key)
        if known:
            return None if found is None else Suggestion(*found)
        suggestion = super().closest(quote, prefer)
        self.recalled.new[key] = None if suggestion is None else _suggestion_data(suggestion)
        return suggestion


def _location_data(location: Location) -> Found:
    return (location.doc_id, location.paragraph, location.start, location.end)


def _suggestion_data(suggestion: Suggestion) -> Found:
    return (suggestion.doc_id, suggestion.paragraph, suggestion.sentence, suggestion.score)
