"""The corpus loader's steps, memoised: `corpus.documents.Steps` answered from the cache.

- a document whose stat (device, inode, size, times) is what it was when it was hashed is not
  read to be hashed again (as git does), and one found to be UTF-8 before is not checked again;
- `sources.yml` is parsed once for its bytes;
- a document's normalised paragraphs come from the cache, or from the process that made them
  (`give`), rather than being made again.
"""

from __future__ import annotations

import contextlib
import os
from functools import partial
from typing import cast

from generator.corpus import documents
from generator.corpus.documents import Document, Listing, Sources, Steps
from generator.diagnostics import Diagnostic, Row
from generator.incremental import keys
from generator.incremental.store import Cache
from generator.load.yaml import Pos, RawItem, YamlPath


class CorpusMemo:
    """The steps of `load_corpus`, each the plain one unless `cache` knows its answer."""

    def __init__(self, cache: Cache | None) -> None:
        self.cache = cache
        #: Normalised documents made elsewhere, by sha256 (paragraphs joined by newlines).
        self._given: dict[str, str] = {}

    def steps(self) -> Steps:
        return Steps(self.fingerprint, self.is_text, self.sources, self.document)

    def give(self, normalized: dict[str, str]) -> None:
        """Normalised texts (by sha256) made by another process: documents not yet made use
        them rather than normalise again."""
        self._given.update(normalized)

    def fingerprint(self, path: str, stat: os.stat_result) -> tuple[str, bool | None]:
        key = keys.stat_key(stat)
        known = self.cache.digest_of(path, key) if self.cache is not None else None
        if known is not None:
            return known, None
        digest, text = documents.fingerprint(path, stat)
        if self.cache is not None:
            self.cache.note_digest(path, key, digest)
            if text:
                self.cache.note_text(digest)
        return digest, text

    def is_text(self, path: str, digest: str) -> bool:
        if self.cache is not None and self.cache.is_text(digest):
            return True
        text = documents.is_text(path, digest)
        if text and self.cache is not None:
            self.cache.note_text(digest)
        return text

    def sources(self, raw: bytes, display: str) -> Sources:
        name = keys.sources_entry(display, raw)
        cached = self.cache.read(name) if self.cache is not None else None
        if cached is not None:
            with contextlib.suppress(TypeError, ValueError, KeyError):
                return _sources_from(cached, display)
        metas, diagnostics = documents.parse_sources(raw, display)
        if self.cache is not None:
            self.cache.write(name, _sources_to(metas, diagnostics))
        return metas, diagnostics

    def document(self, doc_id: str, path: str, listing: Listing) -> Document:
        given = self._given.pop(listing.sha256, None)
        if given is not None:  # made from these verified bytes elsewhere: not read again
            return documents.normalized_document(doc_id, path, listing, given)
        if self.cache is None:
            return documents.make_document(doc_id, path, listing)
        return documents.make_document(
            doc_id, path, listing, partial(self.cache.paragraphs, listing.sha256)
        )


#: sources.yml as plain data: each entry's fields, data and positions, and the problems.
SourcesData = tuple[list[tuple[dict[str, object], object, dict[YamlPath, Pos]]], list[Row]]


def _sources_to(metas: dict[str, Listing], diagnostics: list[Diagnostic]) -> SourcesData:
    entries = [(e.fields, e.raw.data, e.raw.positions) for e in metas.values()]
    return entries, [item.to_row() for item in diagnostics]


def _sources_from(cached: object, display: str) -> Sources:
    entries, rows = cast(SourcesData, cached)  # a signed entry, as `_sources_to` made it
    metas = {
        str(fields["id"]): Listing(fields, RawItem(display, "documents", data, positions))
        for fields, data, positions in entries
    }
    return metas, [Diagnostic(*row) for row in rows]
