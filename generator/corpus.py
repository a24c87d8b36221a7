"""The corpus: verbatim documents, their metadata, and the integrity check of both."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Protocol

from pydantic import Field

from generator.diagnostics import Diagnostic
from generator.model import DOC_PATTERN, FuzzyDate, Strict, Text
from generator.normalize import split_paragraphs
from generator.validate import Entry, validate_item
from generator.yamlload import load_file

SOURCES_FILE = "sources.yml"
#: Normalises the paragraphs of a document (from a cache, or afresh).
Normalizer = Callable[[list[str]], list[str]]
SHA256_PATTERN = r"^[0-9a-f]{64}$"


class DocumentMeta(Strict):
    """An entry of corpus/sources.yml: only what the text itself states."""

    id: str = Field(pattern=DOC_PATTERN)
    title: Text
    sha256: str = Field(pattern=SHA256_PATTERN)
    outlet: Text | None = None
    author: Text | None = None
    published: FuzzyDate | None = None
    url: str | None = Field(default=None, pattern=r"^https?://[^\s\"'<>]+$")


@dataclass(slots=True)
class Document:
    """One corpus document: its paragraphs verbatim and normalised for matching."""

    id: str
    path: Path
    paragraphs: list[str]
    meta: DocumentMeta | None = None
    normalized: list[str] = field(default_factory=list)
    #: The normalised paragraphs joined by newlines: one substring search finds a quote.
    haystack: str = ""

    @classmethod
    def from_text(
        cls, doc_id: str, path: Path, text: str, normalizer: Normalizer | None = None
    ) -> Document:
        if normalizer is None:
            paragraphs, normalized = split_paragraphs(text)
        else:
            paragraphs = [line for line in text.splitlines() if line.strip()]
            normalized = normalizer(paragraphs)
        return cls(doc_id, path, paragraphs, None, normalized, "\n".join(normalized))


@dataclass(slots=True)
class Corpus:
    root: Path
    documents: dict[str, Document]
    diagnostics: list[Diagnostic]
    #: Ids that exist (listed or on disk) but failed the integrity check: not usable as proof.
    unverified: set[str] = field(default_factory=set)


class ParagraphCache(Protocol):
    def normalized(self, sha256: str, paragraphs: list[str]) -> list[str]:
        """The normalised `paragraphs` of the document whose bytes have this sha256."""


def load_corpus(root: Path, display: str, cache: ParagraphCache | None = None) -> Corpus:
    """Read every document of `root` and check it against sources.yml."""
    sources_display = os.path.join(display, SOURCES_FILE)
    metas, diagnostics = _load_sources(root / SOURCES_FILE, sources_display)
    documents: dict[str, Document] = {}
    unverified: set[str] = set()
    files, strays = _document_files(root, display)
    diagnostics.extend(strays)
    for doc_id, path in files:
        raw = path.read_bytes()
        entry = metas.pop(doc_id, None)
        doc_display = os.path.join(display, path.name)
        if entry is None:
            diagnostics.append(_unlisted(doc_display, doc_id, sources_display))
            unverified.add(doc_id)
            continue
        meta = entry.model
        if hashlib.sha256(raw).hexdigest() != meta.sha256:
            line, column = entry.raw.at(("sha256",))
            message = (
                f"{path.name} differs from its sha256 in {SOURCES_FILE}: the document was "
                "edited; restore it byte-for-byte (the corpus is never edited to fit a quote)"
            )
            diagnostics.append(
                Diagnostic(sources_display, line, column, "corpus-integrity", message, doc_id)
            )
            unverified.add(doc_id)
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            message = f"{path.name} is not UTF-8; store the document as UTF-8 text"
            diagnostics.append(Diagnostic(doc_display, 1, 1, "corpus-integrity", message, doc_id))
            unverified.add(doc_id)
            continue
        normalizer = partial(cache.normalized, meta.sha256) if cache else None
        document = Document.from_text(doc_id, path, text, normalizer)
        document.meta = meta
        documents[doc_id] = document
    for doc_id, entry in metas.items():
        line, column = entry.raw.at(("id",))
        message = f"{doc_id}.txt is listed in {SOURCES_FILE} but missing from the corpus"
        diagnostics.append(
            Diagnostic(sources_display, line, column, "corpus-integrity", message, doc_id)
        )
        unverified.add(doc_id)
    return Corpus(root, documents, diagnostics, unverified)


def _load_sources(
    path: Path, display: str
) -> tuple[dict[str, Entry[DocumentMeta]], list[Diagnostic]]:
    if not path.is_file():
        message = f"{SOURCES_FILE} is missing: list every document with its id, title and sha256"
        return {}, [Diagnostic(display, 1, 1, "corpus-integrity", message)]
    loaded = load_file(path, display, frozenset({"documents"}))
    diagnostics = list(loaded.diagnostics)
    metas: dict[str, Entry[DocumentMeta]] = {}
    for raw in loaded.items:
        entry, problems = validate_item(raw, DocumentMeta)
        diagnostics.extend(problems)
        if entry is None:
            continue
        if entry.model.id in metas:
            first = metas[entry.model.id].raw.at(("id",))[0]
            message = f"document {entry.model.id} is listed twice (first on line {first})"
            diagnostics.append(entry.diagnostic(("id",), "duplicate-id", message))
            continue
        metas[entry.model.id] = entry
    return metas, diagnostics


def _document_files(root: Path, display: str) -> tuple[list[tuple[str, Path]], list[Diagnostic]]:
    """The regular .txt files of the corpus folder; links, folders and pipes are refused."""
    files, strays = [], []
    with os.scandir(root) as entries:
        for entry in entries:
            if not entry.name.endswith(".txt"):
                continue
            doc_id = entry.name[: -len(".txt")]
            if entry.is_file(follow_symlinks=False):
                files.append((doc_id, Path(entry.path)))
            else:
                message = f"{entry.name} is not a regular file (a link, folder or pipe); "
                message += "store documents as plain files"
                where = os.path.join(display, entry.name)
                strays.append(Diagnostic(where, 1, 1, "corpus-integrity", message, doc_id))
    return sorted(files), strays


def _unlisted(display: str, doc_id: str, sources_display: str) -> Diagnostic:
    message = f"{doc_id}.txt is not listed in {sources_display}; add it with its sha256"
    return Diagnostic(display, 1, 1, "corpus-integrity", message, doc_id)
