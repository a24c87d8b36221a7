"""The `check` command's way: what each fact file yields, cached by content, in parallel.

The stages and the diagnostics are those of `checker.run_check`, but no entry is kept: each
file yields `FileFindings`, plain data that a cache entry or a worker process can carry. A file
is parsed only when its bytes are new, and checked again only when they are, or when what its
checks read from elsewhere changed: the tables of countries and events, or the corpus. After a
curator edits one file, only that file is parsed and checked.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import cast

from generator.check.pipeline import (
    ParsedFile,
    check_across,
    check_file,
    display_path,
    parse_file,
    summarize,
)
from generator.check.tables import Defined, Tables
from generator.corpus.documents import Corpus, load_corpus
from generator.diagnostics import Diagnostic, Row, sorted_diagnostics
from generator.incremental import keys
from generator.incremental.corpus_memo import CorpusMemo
from generator.incremental.recall import Found, Recalled, RecallingIndex, SearchKey, WordSource
from generator.incremental.store import Cache
from generator.incremental.workers import Workers, worth_forking
from generator.load.factbase import listed_files, read_fact_file
from generator.match.wordindex import IndexData, WordIndex
from generator.progress import Stages
from generator.result import Outcome

FileInput = bytes | Diagnostic  # a fact file's bytes, or why it could not be read
#: `FileFindings` as plain data (for marshal and pickle): see `to_data`.
FindingsData = tuple[
    tuple[object, ...], list[Row], str | None, list[Row], int, int, list[SearchKey]
]
#: What a worker checks: a file (shown as, bytes), its cache entry, the tables, the fingerprint.
CheckItem = tuple[str, FileInput, str | None, Tables, str]
Searched = tuple[IndexData | None, dict[SearchKey, Found]]


@dataclass(slots=True)
class FileFindings:
    """All that checking found in one fact file, as plain data."""

    defined: Defined
    #: Problems of the file itself: YAML and schema.
    loading: list[Diagnostic]
    #: Of the tables and corpus the checks read; None until the file is checked.
    fingerprint: str | None = None
    checking: list[Diagnostic] = field(default_factory=list)
    quotes: int = 0
    verified: int = 0
    #: The quotes not found where they say they are (as the searches' conclusions are kept).
    misses: list[SearchKey] = field(default_factory=list)

    def to_data(self) -> FindingsData:
        return (
            self.defined.to_data(),
            [item.to_row() for item in self.loading],
            self.fingerprint,
            [item.to_row() for item in self.checking],
            self.quotes,
            self.verified,
            self.misses,
        )

    @classmethod
    def from_data(cls, data: FindingsData) -> FileFindings:
        defined, loading, fingerprint, checking, quotes, verified, misses = data
        return cls(
            Defined.from_data(defined),
            [Diagnostic(*row) for row in loading],
            fingerprint,
            [Diagnostic(*row) for row in checking],
            quotes,
            verified,
            [tuple(key) for key in misses],
        )


class FileChecker:
    """Parses and checks fact files against one corpus (in this process or a worker's), keeps
    each parsed file until it is checked, and stores what checking it found in `cache`."""

    def __init__(
        self,
        corpus: Corpus,
        memo: CorpusMemo | None = None,
        searches: KeptSearches | None = None,
        cache: Cache | None = None,
    ) -> None:
        self.corpus = corpus
        self.memo = memo or CorpusMemo(None)
        self.cache = cache
        self.words = WordSource(lambda: searches.words if searches is not None else None)
        loaded = (lambda: searches.recalled) if searches is not None else (lambda: None)
        self.index = RecallingIndex(corpus, self.words, Recalled(loaded))
        self._parsed: dict[str, ParsedFile] = {}

    def normalized(self, doc_id: str) -> str:
        """A document's normalised paragraphs, joined by newlines."""
        return self.corpus.documents[doc_id].haystack

    def adopt(self, normalized: dict[str, str]) -> None:
        """Normalised documents (by id) made elsewhere, to use rather than normalise again."""
        digests = self.corpus.digests
        self.memo.give({digests[doc_id]: text for doc_id, text in normalized.items()})

    def adopt_words(self, data: IndexData) -> None:
        """The corpus's word index, made elsewhere (as `WordIndex.to_data` gives it)."""
        words = WordIndex(self.corpus, data)
        self.index = RecallingIndex(self.corpus, words, self.index.recalled)

    def searched(self) -> Searched:
        """What searching the corpus made here, to keep: the word index as plain data (if it
        was built here) and what the corpus-wide searches found."""
        built = self.words.built
        return (None if built is None else built.to_data()), self.index.recalled.new

    def parse(self, display: str, raw: FileInput) -> FindingsData:
        """The pipeline's `parse_file`, kept here until the file is checked."""
        parsed = self._parsed[display] = parse_file(display, raw)
        return FileFindings(parsed.defined, parsed.base.diagnostics).to_data()

    def check(
        self, display: str, raw: FileInput, entry: str | None, tables: Tables, fingerprint: str
    ) -> FindingsData:
        """The file's findings as plain data, also stored as cache entry `entry` (if any)."""
        parsed = self._parsed.pop(display, None) or parse_file(display, raw)
        base = parsed.base
        asked = self.index.recalled.asked
        before = len(asked)
        checked = check_file(base, self.corpus, tables, self.index)
        findings = FileFindings(
            parsed.defined,
            base.diagnostics,
            fingerprint,
            checked.diagnostics,
            len(checked.quotes),
            checked.verified,
            asked[before:],
        )
        del asked[before:]
        data = findings.to_data()
        if self.cache is not None and entry is not None:
            self.cache.write(entry, data)
        return data


# The tasks the workers run, each on the FileChecker of its process.


def parse_task(checker: FileChecker, item: tuple[str, FileInput]) -> FindingsData:
    return checker.parse(*item)


def check_task(checker: FileChecker, item: CheckItem) -> FindingsData:
    return checker.check(*item)


def normalize_task(checker: FileChecker, doc_id: str) -> str:
    return checker.normalized(doc_id)


def adopt_task(checker: FileChecker, normalized: dict[str, str]) -> None:
    checker.adopt(normalized)


def adopt_words_task(checker: FileChecker, data: IndexData) -> None:
    checker.adopt_words(data)


def searched_task(checker: FileChecker, _: None) -> Searched:
    return checker.searched()


def check_project(
    corpus_dir: Path,
    facts_dir: Path,
    cache: Cache | None = None,
    jobs: int = 1,
    stages: Stages | None = None,
) -> Outcome:
    """Check every fact of `facts_dir` against the corpus of `corpus_dir`, reusing what
    `cache` holds, on up to `jobs` processes; `stages` hears how far it is."""
    stages = stages or Stages()
    stages.stage("reading the corpus")
    memo = CorpusMemo(cache)
    corpus = load_corpus(corpus_dir, display_path(corpus_dir), memo.steps())
    listed = listed_files(facts_dir, display_path(facts_dir))
    stages.stage("reading the fact files", len(listed))
    files, names = _fact_files(listed, cache)
    found = [_cached(cache, name) for name in names]
    unparsed = [i for i, f in enumerate(found) if f is None]
    _read(listed, files, names, unparsed)
    kept = KeptSearches(cache, corpus)
    checker = FileChecker(corpus, memo, kept, cache)
    with Workers(checker, jobs) as workers:
        parse = [files[i] for i in unparsed]
        stages.stage("parsing the fact files", len(listed))
        stages.advance(len(listed) - len(parse))
        if workers.jobs > 1 and worth_forking(_size(files, unparsed)):
            _parse_in_parallel(corpus, cache, workers, kept, (unparsed, parse), found)
        else:
            _fill(workers.map(parse_task, parse, unparsed, _size(files, unparsed)), unparsed, found)
        defined = [findings.defined for findings in _known(found)]
        tables = Tables.of(defined)
        fingerprint = keys.checks_fingerprint(tables, corpus)
        stale = [i for i, f in enumerate(_known(found)) if f.fingerprint != fingerprint]
        _read(listed, files, names, stale)
        check = [(*files[i], names[i], tables, fingerprint) for i in stale]
        stages.stage("checking the fact files", len(listed))
        stages.advance(len(listed) - len(check))
        _fill(workers.map(check_task, check, stale, _size(files, stale)), stale, found)
        stages.advance(len(check))
        kept.store(workers, {key for f in _known(found) for key in f.misses})
    if cache is not None:
        for index in stale:  # written by whichever process checked the file
            name = names[index]
            if name is not None:
                cache.keep(name)
        cache.save(corpus.digests.values())
    return _outcome(corpus, _known(found), defined)


Todo = tuple[list[int], list[tuple[str, FileInput]]]  # the files' indexes, and the files


def _parse_in_parallel(
    corpus: Corpus,
    cache: Cache | None,
    workers: Workers[FileChecker],
    kept: KeptSearches,
    parse: Todo,
    found: list[FileFindings | None],
) -> None:
    """A large check's first stage on the workers: they normalise the documents (a share
    each, then all of them are given to each), then parse the files, while this process builds
    the corpus's word index once for all of them and stores what the cache lacked."""
    texts = _normalize_in_parallel(corpus, cache, workers)
    collect = workers.submit(parse_task, parse[1], parse[0], size=sys.maxsize)
    words = kept.words
    if words is None:
        words = WordIndex.of_texts(corpus, (texts[doc_id] for doc_id in corpus.documents))
        kept.store_words(words)
    if cache is not None:
        cache.save_normalized(corpus.digests.values())
    _fill(collect(), parse[0], found)
    workers.on_each(adopt_words_task, [words.to_data()] * workers.processes)


def _normalize_in_parallel(
    corpus: Corpus, cache: Cache | None, workers: Workers[FileChecker]
) -> dict[str, str]:
    """Normalise the documents the cache lacks, a share on each worker, and give every worker
    the others: a large check needs every document, in every worker. Returns them all."""
    stored = cache.normalized_documents() if cache is not None else {}
    given = {
        doc_id: stored[digest] for doc_id, digest in corpus.digests.items() if digest in stored
    }
    missing = [doc_id for doc_id in corpus.documents if doc_id not in given]
    texts = workers.map(normalize_task, missing, size=sys.maxsize)
    if cache is not None:
        cache.keep_normalized({corpus.digests[d]: t for d, t in zip(missing, texts, strict=True)})
    made: list[dict[str, str]] = [{} for _ in range(workers.processes)]  # by the maker
    for position, (doc_id, text) in enumerate(zip(missing, texts, strict=True)):
        made[workers.process_of(position)][doc_id] = text
    everything = given | {doc_id: text for share in made for doc_id, text in share.items()}
    others = [{d: t for d, t in everything.items() if d not in mine} for mine in made]
    workers.on_each(adopt_task, others)  # each keeps what it made
    return everything


class KeptSearches:
    """What the cache keeps for searching one corpus: its word index, and the conclusions
    reached about quotes not found; each read only when a search first needs it."""

    def __init__(self, cache: Cache | None, corpus: Corpus) -> None:
        self.cache = cache
        self.words_entry, self.recalled_entry = keys.search_entries(corpus)
        self.corpus = corpus

    @cached_property
    def words(self) -> WordIndex | None:
        """The word index the cache kept, if it did."""
        data = self.cache.read(self.words_entry) if self.cache is not None else None
        if not isinstance(data, tuple):
            return None
        try:
            return WordIndex(self.corpus, cast(IndexData, data))  # signed: written by this code
        except (TypeError, ValueError):
            return None

    @cached_property
    def recalled(self) -> dict[SearchKey, Found] | None:
        """What the corpus-wide searches found before (the cache kept it), if anything."""
        data = self.cache.read(self.recalled_entry) if self.cache is not None else None
        if not isinstance(data, dict):
            return None
        found = data.values()
        return data if all(f is None or isinstance(f, tuple) for f in found) else None

    def store_words(self, words: WordIndex) -> None:
        """Keep the word index built in this process."""
        if self.cache is not None:
            self.cache.write(self.words_entry, words.to_data())

    def store(self, workers: Workers[FileChecker], current: set[SearchKey]) -> None:
        """Keep the word index if a worker built it, and the conclusions reached in this run
        beside those kept before, of the `current` misses only (those of a quote since
        corrected go)."""
        if self.cache is None:
            return
        searched = workers.on_each(searched_task, [None] * workers.processes)
        words = next((data for data, _ in searched if data is not None), None)
        if words is not None:
            self.cache.write(self.words_entry, words)
        else:
            self.cache.keep(self.words_entry)
        new = {key: value for _, reached in searched for key, value in reached.items()}
        if new:
            known = {**(self.recalled or {}), **new}
            self.cache.write(self.recalled_entry, {k: known[k] for k in current if k in known})
        else:
            self.cache.keep(self.recalled_entry)


def _size(files: list[tuple[str, FileInput]], todo: list[int]) -> int:
    return sum(len(raw) for _, raw in (files[i] for i in todo) if isinstance(raw, bytes))


def _fill(data: Sequence[FindingsData], todo: list[int], found: list[FileFindings | None]) -> None:
    """Keep the findings of the files of `todo` (their indexes), in their order."""
    for index, findings in zip(todo, data, strict=True):
        found[index] = FileFindings.from_data(findings)


def _known(found: list[FileFindings | None]) -> list[FileFindings]:
    assert all(findings is not None for findings in found)
    return found  # type: ignore[return-value]


def _outcome(corpus: Corpus, files: list[FileFindings], defined: list[Defined]) -> Outcome:
    diagnostics = [*corpus.diagnostics, *check_across(defined)]
    for findings in files:
        diagnostics.extend(findings.loading)
        diagnostics.extend(findings.checking)
    diagnostics = sorted_diagnostics(diagnostics)
    quotes = (sum(f.quotes for f in files), sum(f.verified for f in files))
    return Outcome(diagnostics, summarize(len(corpus.documents), defined, quotes, diagnostics))


def _fact_files(
    listed: list[tuple[Path, str]], cache: Cache | None
) -> tuple[list[tuple[str, FileInput]], list[str | None]]:
    """Each fact file's bytes (or why there are none) and the name of its cache entry. A file
    whose stat is what it was when it was hashed is not read: its entry is named by the
    digest the cache kept (`_read` reads it when it must be parsed after all)."""
    files: list[tuple[str, FileInput]] = []
    names: list[str | None] = []
    for path, display in listed:
        key = _stat_key(path) if cache is not None else None
        digest = cache.digest_of(str(path), key) if cache is not None and key else None
        if digest is not None:
            files.append((display, b""))
            names.append(keys.fact_file_entry(display, digest))
            continue
        raw = read_fact_file(path, display)
        files.append((display, raw))
        digest = keys.file_digest(raw) if isinstance(raw, bytes) else None
        names.append(None if digest is None else keys.fact_file_entry(display, digest))
        if cache is not None and key and digest is not None:
            cache.note_digest(str(path), key, digest)
    return files, names


def _read(
    listed: list[tuple[Path, str]],
    files: list[tuple[str, FileInput]],
    names: list[str | None],
    todo: list[int],
) -> None:
    """Read the files of `todo` that `_fact_files` did not (a changed file gets a new name)."""
    for index in todo:
        path, display = listed[index]
        if files[index][1] == b"" and names[index] is not None:
            raw = read_fact_file(path, display)
            files[index] = (display, raw)
            digest = keys.file_digest(raw) if isinstance(raw, bytes) else None
            names[index] = None if digest is None else keys.fact_file_entry(display, digest)


def _stat_key(path: Path) -> tuple[int, ...] | None:
    try:
        found = os.lstat(path)
    except OSError:
        return None
    return keys.stat_key(found) if stat.S_ISREG(found.st_mode) else None


def _cached(cache: Cache | None, name: str | None) -> FileFindings | None:
    if cache is None or name is None:
        return None
    data = cache.read(name)
    if not isinstance(data, tuple) or len(data) != 7:
        return None
    try:  # a signed entry: written by this code, as `to_data` gives it
        return FileFindings.from_data(cast(FindingsData, data))
    except (TypeError, ValueError):
        return None
