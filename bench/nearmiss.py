"""`python -m bench.nearmiss` in a project: what each near miss costs.

A near miss is a quote of five words or more that is not in the document it cites. For each,
the quotes check looks for it in the other documents and else suggests the closest sentence.
This times that work for every miss of the project, one at a time, and of it the search in the
other documents, apart from building the corpus's indexes (the search's prefilters), which a
check makes once for the whole corpus, on the main process while the workers parse, and keeps
in its cache. Times are of CPU (`time.process_time`): on a shared machine a quote's wall time
also counts the other processes that ran meanwhile. It prints `NEARMISS {"misses": N,
"seconds": S, "elsewhere_seconds": E, "index_seconds": I, "median": ..., "p99": ...,
"max": ...}`: the last three in seconds, of one miss.
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
        start = time.process_time()
        found = super().locate_elsewhere(parts, cited)
        self.elsewhere_seconds += time.process_time() - start
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
    start = time.process_time()
    words = WordIndex(corpus)
    built = time.process_time()
    index = TimedIndex(corpus, words)
    each = []
    for quote in misses:
        context = Context(corpus, base, [quote], tables, index)
        began = time.process_time()
        reported = sum(1 for _ in quotes.check(context))
        each.append(time.process_time() - began)
        assert reported == 1
    each.sort()
    figures = {
        "misses": len(misses),
        "seconds": sum(each),
        "elsewhere_seconds": index.elsewhere_seconds,
        "index_seconds": built - start,
        "median": each[len(each) // 2] if each else 0.0,
        "p99": each[min(len(each) - 1, len(each) * 99 // 100)] if each else 0.0,
        "max": each[-1] if each else 0.0,
    }
    print("NEARMISS " + json.dumps(figures))


def listed() -> list[tuple[Path, str]]:
    return listed_files(Path("facts"), "facts")


if __name__ == "__main__":
    main()
