"""The corpus: verbatim documents, their metadata, and the integrity check of both."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Protocol

from pydantic import Field

from generator.diagnostics import Diagnostic
from generator.model import DOC_PATTERN, FuzzyDate, Strict, Text
from generator.normalize import split_paragraphs
from generator.validate import Entry, validate_item
from generator.yamlload import RawItem, load_bytes, shown

SOURCES_FILE = "sources.yml"
#: A document's text -> its paragraphs, verbatim and normalised (from a cache, or afresh).
Splitter = Callable[[str], tuple[list[str], list[str]]]
SHA256_PATTERN = r"^[0-9a-f]{64}$"
#: The only addresses a source may link to: no javascript:, data: or file: link reaches the site.
WEB_ADDRESS = re.compile(r"^https?://[^\s\"'<>]+$")
ADDRESS_FIELDS = ("url", "archived_url")
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


class DocumentMeta(Strict):
    """An entry of corpus/sources.yml: only what the text itself states."""

    id: str = Field(pattern=DOC_PATTERN)
    title: Text
    sha256: str = Field(pattern=SHA256_PATTERN)
    outlet: Text | None = None
    author: Text | None = None
    published: FuzzyDate | None = None
    #: Where the document was published, an archived copy of it, and when it was retrieved.
    url: str | None = None
    archived_url: str | None = None
    retrieved: Annotated[FuzzyDate, Field(pattern=DAY_PATTERN)] | None = None


@dataclass(frozen=True, slots=True)
class Listing:
    """An entry of sources.yml, validated: its fields, and where it is written."""

    fields: dict[str, Any]
    raw: RawItem

    @property
    def sha256(self) -> str:
        return str(self.fields["sha256"])

    def meta(self) -> DocumentMeta:
        return DocumentMeta.model_construct(**self.fields)


@dataclass(slots=True)
class Document:
    """One corpus document: its paragraphs verbatim and normalised for matching."""

    id: str
    path: Path
    #: The verbatim paragraphs; None until first read (then `sha256` says what to expect).
    verbatim: list[str] | None
    meta: DocumentMeta | None = None
    normalized: list[str] = field(default_factory=list)
    #: The normalised paragraphs joined by newlines: one substring search finds a quote.
    haystack: str = ""
    sha256: str | None = None

    @property
    def paragraphs(self) -> list[str]:
        """The verbatim paragraphs (checking needs only the normalised ones: a document
        normalised by another process is read only if its verbatim text is shown)."""
        if self.verbatim is None:
            text = _read_verified(str(self.path), self.sha256).decode("utf-8")
            self.verbatim = [line for line in text.splitlines() if line.strip()]
        return self.verbatim

    @classmethod
    def from_text(
        cls, doc_id: str, path: Path, text: str, split: Splitter = split_paragraphs
    ) -> Document:
        paragraphs, normalized = split(text)
        return cls(doc_id, path, paragraphs, None, normalized, "\n".join(normalized))


class Documents(Mapping[str, Document]):
    """The verified documents by id, in corpus order, each cut into paragraphs and normalised
    when it is first used: a re-check that reads a few documents does not pay for them all."""

    def __init__(self, make: Callable[[str, str, Listing, str | None], Document]) -> None:
        self._make = make
        self._waiting: dict[str, tuple[str, Listing]] = {}
        self._given: dict[str, str] = {}
        self._made: dict[str, Document] = {}
        self._order: list[str] = []

    def add(self, doc_id: str, path: str, listing: Listing) -> None:
        """A document whose bytes were found to be UTF-8 text with the listed sha256."""
        self._waiting[doc_id] = (path, listing)
        self._order.append(doc_id)

    def __getitem__(self, doc_id: str) -> Document:
        made = self._made.get(doc_id)
        if made is None:
            path, listing = self._waiting.pop(doc_id)  # KeyError: no such document
            given = self._given.pop(doc_id, None)
            made = self._made[doc_id] = self._make(doc_id, path, listing, given)
        return made

    def give(self, normalized: dict[str, str]) -> None:
        """Normalised texts (paragraphs joined by newlines) by id, made elsewhere (by another
        process, say): documents not yet made use them instead of normalising again."""
        self._given.update((doc_id, text) for doc_id, text in normalized.items())

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._made or doc_id in self._waiting

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)


@dataclass(slots=True)
class Corpus:
    root: Path
    documents: Mapping[str, Document]
    diagnostics: list[Diagnostic]
    #: Ids that exist (listed or on disk) but failed the integrity check: not usable as proof.
    unverified: set[str] = field(default_factory=set)
    #: The sha256 of every verified document, by id.
    digests: dict[str, str] = field(default_factory=dict)

    def knows(self, doc_id: str) -> bool:
        """Whether `doc_id` names a document of the corpus, verified or not."""
        return doc_id in self.documents or doc_id in self.unverified

    def known_ids(self) -> list[str]:
        """The ids of every document, verified or not, sorted."""
        return sorted({*self.documents, *self.unverified})


def stat_key(found: os.stat_result) -> tuple[int, ...]:
    """What a cache compares to know a file unchanged since it was hashed (as git does):
    device, inode, size, modification and change times (ns)."""
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


class CorpusCache(Protocol):
    def paragraphs(self, sha256: str, text: str) -> tuple[list[str], list[str]]:
        """`split_paragraphs(text)` of the document whose bytes have this sha256."""

    def digest_of(self, path: str, key: tuple[int, ...]) -> str | None:
        """The sha256 of the file at `path` if it was hashed when its stat was `key`."""

    def note_digest(self, path: str, key: tuple[int, ...], sha256: str) -> None:
        """The file at `path`, with stat `key`, has this sha256."""

    def is_text(self, sha256: str) -> bool:
        """Whether bytes with this sha256 were found to be UTF-8 text before."""

    def note_text(self, sha256: str) -> None:
        """Bytes with this sha256 are UTF-8 text."""

    def read(self, name: str) -> Any:
        """The value stored under `name`, or None."""

    def write(self, name: str, value: Any) -> None:
        """Store `value` (plain data) under `name`."""


def load_corpus(root: Path, display: str, cache: CorpusCache | None = None) -> Corpus:
    """Read every document of `root` and check it against sources.yml."""
    sources_display = os.path.join(display, SOURCES_FILE)
    metas, diagnostics = _load_sources(root / SOURCES_FILE, sources_display, cache)
    documents = Documents(partial(_document, cache))
    corpus = Corpus(root, documents, diagnostics)
    files, strays = _document_files(root, display)
    diagnostics.extend(strays)
    for doc_id, name, path, stat in files:
        digest, text = _digest(path, stat, cache)
        entry = metas.pop(doc_id, None)
        if entry is None:
            doc_display = os.path.join(display, name)
            diagnostics.append(_unlisted(doc_display, doc_id, sources_display))
            corpus.unverified.add(doc_id)
            continue
        listed = entry.sha256
        if digest != listed:
            line, column = entry.raw.at(("sha256",))
            message = (
                f"{name} differs from its sha256 in {SOURCES_FILE}: the document was "
                "edited; restore it byte-for-byte (the corpus is never edited to fit a quote)"
            )
            diagnostics.append(
                Diagnostic(sources_display, line, column, "corpus-integrity", message, doc_id)
            )
            corpus.unverified.add(doc_id)
            continue
        if not (text if text is not None else _is_text(path, digest, cache)):
            message = f"{name} is not UTF-8; store the document as UTF-8 text"
            doc_display = os.path.join(display, name)
            diagnostics.append(Diagnostic(doc_display, 1, 1, "corpus-integrity", message, doc_id))
            corpus.unverified.add(doc_id)
            continue
        documents.add(doc_id, path, entry)
        corpus.digests[doc_id] = listed
    for doc_id, entry in metas.items():
        line, column = entry.raw.at(("id",))
        message = f"{doc_id}.txt is listed in {SOURCES_FILE} but missing from the corpus"
        diagnostics.append(
            Diagnostic(sources_display, line, column, "corpus-integrity", message, doc_id)
        )
        corpus.unverified.add(doc_id)
    return corpus


def _digest(path: str, stat: os.stat_result, cache: CorpusCache | None) -> tuple[str, bool | None]:
    """The sha256 of a document's bytes, and whether they are UTF-8 text when they were read
    (None when not: the cache knew the digest of a file whose stat is what it was when it was
    hashed)."""
    key = stat_key(stat)
    known = cache.digest_of(path, key) if cache is not None else None
    if known is not None:
        return known, None
    with open(path, "rb") as stream:
        raw = stream.read()
    digest = hashlib.sha256(raw).hexdigest()
    if cache is not None:
        cache.note_digest(path, key, digest)
    return digest, _utf8(raw, digest, cache)


def _is_text(path: str, digest: str, cache: CorpusCache | None) -> bool:
    """Whether the document is UTF-8 text (known of its bytes from an earlier run, or read)."""
    if cache is not None and cache.is_text(digest):
        return True
    with open(path, "rb") as stream:
        return _utf8(stream.read(), digest, cache)


def _utf8(raw: bytes, digest: str, cache: CorpusCache | None) -> bool:
    """Whether `raw` (with sha256 `digest`) is UTF-8 text; the cache is told when it is."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    if cache is not None:
        cache.note_text(digest)
    return True


def _read_verified(path: str, sha256: str | None) -> bytes:
    """The bytes of a document, which must still be those verified (with this sha256)."""
    with open(path, "rb") as stream:
        raw = stream.read()
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise CorpusChanged(f"{path} changed while it was being checked; check again")
    return raw


class CorpusChanged(RuntimeError):
    """A document changed on disk while it was being checked."""


def _document(
    cache: CorpusCache | None, doc_id: str, path: str, listing: Listing, given: str | None
) -> Document:
    if given is not None:  # made from these verified bytes elsewhere: not read again
        normalized = given.split("\n") if given else []
        meta = listing.meta()
        return Document(doc_id, Path(path), None, meta, normalized, given, listing.sha256)
    raw = _read_verified(path, listing.sha256)
    split: Splitter = split_paragraphs
    if cache is not None:
        split = partial(cache.paragraphs, listing.sha256)
    document = Document.from_text(doc_id, Path(path), raw.decode("utf-8"), split)
    document.meta = listing.meta()
    return document


Sources = tuple[dict[str, Listing], list[Diagnostic]]


def _load_sources(path: Path, display: str, cache: CorpusCache | None) -> Sources:
    """The entries of sources.yml by id, and its problems (from the cache when the file's bytes
    were seen before)."""
    if not path.is_file():
        message = f"{SOURCES_FILE} is missing: list every document with its id, title and sha256"
        return {}, [Diagnostic(display, 1, 1, "corpus-integrity", message)]
    raw = path.read_bytes()
    name = hashlib.sha256(b"sources\0" + display.encode() + b"\0" + raw).hexdigest() + ".marshal"
    cached = cache.read(name) if cache else None
    if cached is not None:
        with contextlib.suppress(TypeError, ValueError, KeyError):
            return _sources_from(cached, display)
    metas, diagnostics = _parse_sources(raw, display)
    if cache:
        cache.write(name, _sources_to(metas, diagnostics))
    return metas, diagnostics


def _parse_sources(raw: bytes, display: str) -> Sources:
    loaded = load_bytes(raw, display, frozenset({"documents"}))
    diagnostics = list(loaded.diagnostics)
    metas: dict[str, Listing] = {}
    for item in loaded.items:
        entry, problems = validate_item(item, DocumentMeta)
        diagnostics.extend(problems)
        if entry is None:
            continue
        if entry.model.id in metas:
            first = metas[entry.model.id].raw.at(("id",))[0]
            message = f"document {entry.model.id} is listed twice (first on line {first})"
            diagnostics.append(entry.diagnostic(("id",), "duplicate-id", message))
            continue
        fields = entry.model.model_dump()
        for name in ADDRESS_FIELDS:
            if fields[name] is not None and not WEB_ADDRESS.match(fields[name]):
                diagnostics.append(_not_web_address(entry, name, fields[name]))
                fields[name] = None
        metas[entry.model.id] = Listing(fields, entry.raw)
    return metas, diagnostics


def _not_web_address(entry: Entry[DocumentMeta], name: str, value: str) -> Diagnostic:
    message = (
        f"'{name}' is '{shown(value)}': give the address of a web page, starting with "
        "https:// or http:// (other links are never put on the site)"
    )
    return entry.diagnostic((name,), "corpus-integrity", message)


def _sources_to(metas: dict[str, Listing], diagnostics: list[Diagnostic]) -> object:
    entries = [(e.fields, e.raw.data, e.raw.positions) for e in metas.values()]
    return entries, [item.to_row() for item in diagnostics]


def _sources_from(cached: Any, display: str) -> Sources:
    entries, rows = cached
    metas = {
        fields["id"]: Listing(fields, RawItem(display, "documents", data, positions))
        for fields, data, positions in entries
    }
    return metas, [Diagnostic(*row) for row in rows]


def _document_files(
    root: Path, display: str
) -> tuple[list[tuple[str, str, str, os.stat_result]], list[Diagnostic]]:
    """The regular .txt files of the corpus folder (id, file name, path, stat); links, folders
    and pipes are refused."""
    files, strays = [], []
    with os.scandir(root) as entries:
        for entry in entries:
            if not entry.name.endswith(".txt"):
                continue
            doc_id = entry.name[: -len(".txt")]
            if entry.is_file(follow_symlinks=False):
                files.append((doc_id, entry.name, entry.path, entry.stat(follow_symlinks=False)))
            else:
                message = f"{entry.name} is not a regular file (a link, folder or pipe); "
                message += "store documents as plain files"
                where = os.path.join(display, entry.name)
                strays.append(Diagnostic(where, 1, 1, "corpus-integrity", message, doc_id))
    return sorted(files), strays


def _unlisted(display: str, doc_id: str, sources_display: str) -> Diagnostic:
    message = f"{doc_id}.txt is not listed in {sources_display}; add it with its sha256"
    return Diagnostic(display, 1, 1, "corpus-integrity", message, doc_id)


def read_sources(raw: bytes, display: str) -> Sources:
    """The entries of a sources.yml (its bytes) by id, and the problems of the file."""
    return _parse_sources(raw, display)
