"""The corpus: verbatim documents, their metadata, and the integrity check of both."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, Field

from generator.corpus.normalize import paragraphs_of, split_paragraphs
from generator.diagnostics import Diagnostic, ExpectedError
from generator.load.validate import Entry, validate_item
from generator.load.yaml import RawItem, load_bytes, shown
from generator.model import RESERVED_IDS, DocId, FuzzyDate, Line, Strict

SOURCES_FILE = "sources.yml"
#: A document's text -> its paragraphs, verbatim and normalised (from a cache, or afresh).
Splitter = Callable[[str], tuple[list[str], list[str]]]
SHA256_PATTERN = r"^[0-9a-f]{64}$"
#: The only addresses a source may link to: no javascript:, data: or file: link reaches the site.
WEB_ADDRESS = re.compile(r"^https?://[^\s\"'<>]+$")
ADDRESS_FIELDS = ("url", "archived_url")
DAY_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def _not_reserved_page(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' names the sources index page; rename the document")
    return value


class DocumentMeta(Strict):
    """An entry of corpus/sources.yml: only what the text itself states."""

    id: Annotated[DocId, AfterValidator(_not_reserved_page)]
    title: Line
    sha256: str = Field(pattern=SHA256_PATTERN)
    outlet: Line | None = None
    author: Line | None = None
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
            self.verbatim = paragraphs_of(text)
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

    def __init__(self, make: Callable[[str, str, Listing], Document]) -> None:
        self._make = make
        self._waiting: dict[str, tuple[str, Listing]] = {}
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
            made = self._made[doc_id] = self._make(doc_id, path, listing)
        return made

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
    #: The published date of every verified document that has one, by id (dates are read
    #: against it without reading the document).
    published: dict[str, str] = field(default_factory=dict)

    def knows(self, doc_id: str) -> bool:
        """Whether `doc_id` names a document of the corpus, verified or not."""
        return doc_id in self.documents or doc_id in self.unverified

    def known_ids(self) -> list[str]:
        """The ids of every document, verified or not, sorted."""
        return sorted({*self.documents, *self.unverified})


Sources = tuple[dict[str, Listing], list[Diagnostic]]


@dataclass(frozen=True, slots=True)
class Steps:
    """The steps of loading a corpus that read files, each a function of its arguments (and
    of the file it reads). `load_corpus` calls these; `generator.incremental` gives memoised
    versions of the same functions, and this module knows nothing of that."""

    #: A document file (path, stat) -> its sha256, and whether it is UTF-8 (None: not read).
    fingerprint: Callable[[str, os.stat_result], tuple[str, bool | None]]
    #: A document file (path, sha256) -> whether it is UTF-8 text.
    is_text: Callable[[str, str], bool]
    #: The bytes of sources.yml (and how it is shown) -> its entries and problems.
    sources: Callable[[bytes, str], Sources]
    #: A verified document (id, path, listing) -> the Document, cut and normalised.
    document: Callable[[str, str, Listing], Document]


def load_corpus(root: Path, display: str, steps: Steps | None = None) -> Corpus:
    """Read every document of `root` and check it against sources.yml."""
    steps = steps or PLAIN
    sources_display = os.path.join(display, SOURCES_FILE)
    metas, diagnostics = _load_sources(root / SOURCES_FILE, sources_display, steps)
    documents = Documents(steps.document)
    corpus = Corpus(root, documents, diagnostics)
    files, strays = _document_files(root, display)
    diagnostics.extend(strays)
    for doc_id, name, path, stat in files:
        digest, text = steps.fingerprint(path, stat)
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
        if not (text if text is not None else steps.is_text(path, digest)):
            message = f"{name} is not UTF-8; store the document as UTF-8 text"
            doc_display = os.path.join(display, name)
            diagnostics.append(Diagnostic(doc_display, 1, 1, "corpus-integrity", message, doc_id))
            corpus.unverified.add(doc_id)
            continue
        documents.add(doc_id, path, entry)
        corpus.digests[doc_id] = listed
        if entry.fields.get("published"):
            corpus.published[doc_id] = str(entry.fields["published"])
    for doc_id, entry in metas.items():
        line, column = entry.raw.at(("id",))
        message = f"{doc_id}.txt is listed in {SOURCES_FILE} but missing from the corpus"
        diagnostics.append(
            Diagnostic(sources_display, line, column, "corpus-integrity", message, doc_id)
        )
        corpus.unverified.add(doc_id)
    return corpus


def fingerprint(path: str, stat: os.stat_result) -> tuple[str, bool | None]:
    """The sha256 of a document's bytes, and whether they are UTF-8 text (one read)."""
    with open(path, "rb") as stream:
        raw = stream.read()
    return hashlib.sha256(raw).hexdigest(), is_utf8(raw)


def is_text(path: str, digest: str) -> bool:
    """Whether the document is UTF-8 text."""
    with open(path, "rb") as stream:
        return is_utf8(stream.read())


def is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_verified(path: str, sha256: str | None) -> bytes:
    """The bytes of a document, which must still be those verified (with this sha256)."""
    with open(path, "rb") as stream:
        raw = stream.read()
    if hashlib.sha256(raw).hexdigest() != sha256:
        raise CorpusChanged(f"{path} changed while it was being checked; check again")
    return raw


class CorpusChanged(ExpectedError):
    """A document changed on disk while it was being checked: the command stops with exit
    status 2 and this one line (the check cannot say what it proved against)."""


def make_document(
    doc_id: str, path: str, listing: Listing, split: Splitter = split_paragraphs
) -> Document:
    """A verified document, read again (its bytes must still be those listed), cut into
    paragraphs and normalised (by `split`)."""
    raw = _read_verified(path, listing.sha256)
    document = Document.from_text(doc_id, Path(path), raw.decode("utf-8"), split)
    document.meta = listing.meta()
    return document


def normalized_document(doc_id: str, path: str, listing: Listing, normalized: str) -> Document:
    """A verified document whose normalised paragraphs (joined by newlines) were made from
    the same bytes elsewhere: it is read again only if its verbatim text is asked for."""
    paragraphs = normalized.split("\n") if normalized else []
    meta = listing.meta()
    return Document(doc_id, Path(path), None, meta, paragraphs, normalized, listing.sha256)


#: The fields of a source that hold the address of a web page.
URL_FIELDS = ("url", "archived_url")


def listed_urls(root: Path) -> list[str]:
    """The `url:` and `archived_url:` of every valid entry of the corpus's sources.yml (none
    if it is missing)."""
    metas, _ = _load_sources(root / SOURCES_FILE, SOURCES_FILE, PLAIN)
    fields = [entry.fields.get(name) for entry in metas.values() for name in URL_FIELDS]
    return [str(url) for url in fields if url]


def _load_sources(path: Path, display: str, steps: Steps) -> Sources:
    """The entries of sources.yml by id, and its problems."""
    if not path.is_file():
        message = f"{SOURCES_FILE} is missing: list every document with its id, title and sha256"
        return {}, [Diagnostic(display, 1, 1, "corpus-integrity", message)]
    return steps.sources(path.read_bytes(), display)


def parse_sources(raw: bytes, display: str) -> Sources:
    """The entries of sources.yml (its bytes), validated, by id; and its problems."""
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


PLAIN = Steps(fingerprint, is_text, parse_sources, make_document)


def _unlisted(display: str, doc_id: str, sources_display: str) -> Diagnostic:
    message = f"{doc_id}.txt is not listed in {sources_display}; add it with its sha256"
    return Diagnostic(display, 1, 1, "corpus-integrity", message, doc_id)
