"""A cache of parsed fact files and normalised documents, keyed by content hash.

The folder is safe to delete and never trusted blindly: every entry is marshal data (never
pickle) behind a header with the cache format, a key of the code that produced it and the
sha256 of the data; anything that does not check out is ignored and rebuilt. Writes are
atomic (a temporary file renamed into place), so a crash leaves no half-written entry.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

from generator import corpus, normalize, yamlload
from generator.diagnostics import Diagnostic
from generator.yamlload import MAX_BYTES, LoadedFile, RawItem, load_bytes

DEFAULT_FOLDER = Path(".cache/factsheet")
FORMAT = b"factsheet-cache 1"
CORPUS_ENTRY = "corpus.marshal"


def code_key() -> str:
    """Changes whenever the code that parses or normalises changes (or Python, or PyYAML)."""
    digest = hashlib.sha256(f"{sys.version}|{yaml.__version__}".encode())
    for module in (yamlload, normalize, corpus):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()


class Cache:
    """Parsed fact files (one entry a file) and normalised paragraphs (one entry in all)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.key = code_key()
        self._paragraphs: dict[str, list[str]] | None = None
        self._used: dict[str, list[str]] = {}
        self._entries = {CORPUS_ENTRY}

    def load_file(self, path: Path, display: str, sections: frozenset[str]) -> LoadedFile:
        """`yamlload.load_file`, from the cache when the file's bytes were seen before."""
        try:
            with path.open("rb") as stream:
                raw = stream.read(MAX_BYTES + 1)
        except OSError:
            return yamlload.load_file(path, display, sections)
        parts = (raw, display.encode(), ",".join(sorted(sections)).encode())
        name = hashlib.sha256(b"\0".join(parts)).hexdigest() + ".marshal"
        self._entries.add(name)
        cached = self._read(name)
        if cached is not None:
            try:
                return _loaded_from(cached)
            except (TypeError, ValueError):
                pass
        loaded = load_bytes(raw, display, sections)
        self._write(name, _loaded_to(loaded))
        return loaded

    def normalized(self, sha256: str, paragraphs: list[str]) -> list[str]:
        """The normalised paragraphs of a document whose bytes have this (verified) sha256."""
        if self._paragraphs is None:
            stored = self._read(CORPUS_ENTRY)
            self._paragraphs = stored if isinstance(stored, dict) else {}
        found = self._paragraphs.get(sha256)
        if not isinstance(found, list) or len(found) != len(paragraphs):
            found = [normalize.normalize(paragraph) for paragraph in paragraphs]
        self._used[sha256] = found
        return found

    def save(self) -> None:
        """Write the corpus entry when its documents changed, and drop the entries of files
        that are no more (or no longer as they were): only the current ones are kept."""
        if self._paragraphs is not None and self._used.keys() != self._paragraphs.keys():
            self._write(CORPUS_ENTRY, self._used)
        try:
            for entry in self.folder.glob("*.marshal"):
                if entry.name not in self._entries:
                    entry.unlink(missing_ok=True)
        except OSError:
            pass

    def _read(self, name: str) -> Any:
        try:
            data = (self.folder / name).read_bytes()
            header, payload = data.split(b"\n", 1)
            if header != self._header(payload):
                return None
            return marshal.loads(payload)
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def _write(self, name: str, value: Any) -> None:
        temporary = None
        try:
            payload = marshal.dumps(value)
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(self._header(payload) + b"\n" + payload)
            os.replace(temporary, self.folder / name)
        except (OSError, ValueError):
            if temporary is not None:  # a cache that cannot be written is only slower
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def _header(self, payload: bytes) -> bytes:
        checksum = hashlib.sha256(payload).hexdigest()
        return b"%s %s %s" % (FORMAT, self.key.encode(), checksum.encode())


def _loaded_to(loaded: LoadedFile) -> object:
    items = [(item.file, item.section, item.data, item.positions) for item in loaded.items]
    diagnostics = [
        (item.file, item.line, item.column, item.code, item.message, item.id)
        for item in loaded.diagnostics
    ]
    return (loaded.path, items, diagnostics)


def _loaded_from(value: Any) -> LoadedFile:
    path, items, diagnostics = value
    if not isinstance(path, str) or not isinstance(items, list):
        raise TypeError("not a cached file")
    return LoadedFile(
        path,
        [RawItem(file, section, data, positions) for file, section, data, positions in items],
        [Diagnostic(*fields) for fields in diagnostics],
    )
