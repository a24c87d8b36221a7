"""`python -m bench.nearmiss` in a project: the average cost of one near miss.

A near miss is a quote of five words or more that is not in the document it cites. For each,
the quotes check looks for it in the other documents and else suggests the closest sentence;
this times that work for every miss of the project, the corpus index built on the way
included, and prints `NEARMISS {"misses": N, "seconds": S}`.
"""

from __future__ import annotations

import gc
import json
import time
from pathlib import Path

from generator.checks import Context, quotes
from generator.corpus import load_corpus
from generator.factbase import load_factbase
from generator.search import CorpusIndex
from generator.tables import Defined, Tables
from generator.verify import MIN_WORDS, verify_quotes


def main() -> None:
    gc.disable()
    corpus = load_corpus(Path("corpus"), "corpus")
    base = load_factbase(Path("facts"), "facts")
    tables = Tables.of([Defined.of(base, "facts")])
    misses = [
        quote
        for quote in verify_quotes(base, corpus)
        if quote.location is None
        and quote.words >= MIN_WORDS
        and quote.source.doc in corpus.documents
    ]
    start = time.perf_counter()
    context = Context(corpus, base, misses, tables, CorpusIndex(corpus))
    reported = sum(1 for _ in quotes.check(context))
    seconds = time.perf_counter() - start
    assert reported == len(misses)
    print("NEARMISS " + json.dumps({"misses": len(misses), "seconds": seconds}))


if __name__ == "__main__":
    main()
