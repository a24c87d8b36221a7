"""`python -m bench.nearmiss` in a project: the average cost of one near miss.

A near miss is a quote of five words or more that is not in the document it cites. For each,
the quotes check looks for it in the other documents and else suggests the closest sentence.
This times that work for every miss of the project, and of it the search in the other
documents, apart from building the corpus's word index (its prefilter), which a check makes
once for the whole corpus, on the main process while the workers parse, and keeps in its
cache. It prints
`NEARMISS {"misses": N, "seconds": S, "elsewhere_seconds": E, "index_seconds": I}`.
"""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

from generator.check.pipeline import load_corpus, parse_file
from generator.check.rules import Context, quotes
from generator.check.tables import Tables
from generator.load.factbase import listed_files, merged, read_fact_file
from generator.match.search import CorpusIndex, Location
from generator.match.verify import MIN_WORDS, verify_quotes
from generator.match.wordindex import WordIndex


class TimedIndex(CorpusIndex):
    """Adds up the time spent looking for quotes in the other documents."""

    elsewhere_seconds = 0.0

    def locate_elsewhere(self, parts: list[str], cited: str) -> Location | None:
        start = time.perf_counter()
        found = super().locate_elsewhere(parts, cited)
        self.elsewhere_seconds += time.perf_counter() - start
        return found


def main() -> None:
    gc.disable()
    corpus = load_corpus(Path("corpus"), "corpus")  # the pipeline's stages, as a check runs them
    parsed = [parse_file(shown, read_fact_file(path, shown)) for path, shown in listed()]
    base = merged([file.base for file in parsed])
    tables = Tables.of([file.defined for file in parsed])
    misses = [
        quote
        for quote in verify_quotes(base, corpus)
        if quote.location is None
        and quote.words >= MIN_WORDS
        and quote.source.doc in corpus.documents
    ]
    start = time.perf_counter()
    words = WordIndex(corpus)
    built = time.perf_counter()
    index = TimedIndex(corpus, words)
    context = Context(corpus, base, misses, tables, index)
    reported = sum(1 for _ in quotes.check(context))
    done = time.perf_counter()
    assert reported == len(misses)
    figures = {
        "misses": len(misses),
        "seconds": done - built,
        "elsewhere_seconds": index.elsewhere_seconds,
        "index_seconds": built - start,
    }
    print("NEARMISS " + json.dumps(figures))


def listed() -> list[tuple[Path, str]]:
    return listed_files(Path("facts"), "facts")


if __name__ == "__main__":
    main()
