"""A cache of what checking found in each fact file, and of normalised documents.

The folder is safe to delete and never trusted blindly. Every entry is marshal data (never
pickle) behind a header with the cache format, a key of the code that wrote it and an HMAC of
the data under a secret of this user's, kept outside any checkout (see `secret_file`): an entry
that was damaged, written by other code, or planted by someone without the secret (a pull
request that commits a cache folder, say) does not check out and is ignored. Writes are atomic
(a temporary file renamed into place), so a crash leaves no half-written entry. No link is
followed: a cache folder that is (or lies in) a link, a secret that is a link or that others
could have written, are refused; an entry is read only if it is a regular file of at most
`MAX_ENTRY_BYTES`.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import marshal
import os
import secrets
import stat
import tempfile
import time
from collections.abc import Collection
from pathlib import Path

from generator.corpus import normalize
from generator.incremental.keys import CORPUS_ENTRY, DIGESTS_ENTRY, TEXTS_ENTRY, code_key
from generator.incremental.places import secret_file

FORMAT = b"factsheet-cache 3"
RACY_NS = 2_000_000_000
#: An entry larger than this is not read (the largest, a 100,000-fact base's word index, is
#: some 100 MB).
MAX_ENTRY_BYTES = 1 << 30
#: Normalising a few documents is quicker than reading the normalised corpus: the entry is
#: read only once more than this many documents were asked for.
NORMALIZED_UNREAD = 1000


class Cache:
    """Entries by name; a name is a content hash, so a changed input finds no entry."""

    def __init__(self, folder: Path, secret: Path | None = None) -> None:
        self.folder = folder
        self.key = code_key()
        #: Why nothing is cached, if nothing is (then `read` finds nothing, `write` keeps nothing).
        self.problem = _linked_folder(folder)
        self._secret: bytes | None = None
        if self.problem is None:
            self._secret, self.problem = _load_secret(secret or secret_file())
        #: Normalised documents by sha256: their paragraphs joined by newlines (one string a
        #: document is far quicker to read back than a list of paragraphs).
        self._paragraphs: dict[str, str] | None = None
        self._new_paragraphs: dict[str, str] = {}
        self._asked = 0
        self._digests: dict[str, tuple[tuple[int, ...], str]] | None = None
        self._new_digests: dict[str, tuple[tuple[int, ...], str]] = {}
        self._texts: set[str] | None = None
        self._new_texts: set[str] = set()
        self._entries = {CORPUS_ENTRY, TEXTS_ENTRY, DIGESTS_ENTRY}

    @property
    def usable(self) -> bool:
        """False when nothing can be cached (`problem` says why)."""
        return self._secret is not None

    def paragraphs(self, sha256: str, text: str) -> tuple[list[str], list[str]]:
        """`split_paragraphs(text)` of a document whose bytes have this (verified) sha256,
        the normalised paragraphs from the cache when they are there."""
        self._asked += 1
        read = self._paragraphs is not None or self._asked > NORMALIZED_UNREAD
        found = self._stored_paragraphs().get(sha256) if read else None
        if isinstance(found, str):
            paragraphs = normalize.paragraphs_of(text)
            normalized = found.split("\n") if found else []
            if len(normalized) == len(paragraphs):
                return paragraphs, normalized
        paragraphs, normalized = normalize.split_paragraphs(text)
        self._new_paragraphs[sha256] = "\n".join(normalized)
        return paragraphs, normalized

    def normalized_documents(self) -> dict[str, str]:
        """Every normalised document the cache holds: sha256 -> paragraphs joined by newlines."""
        return {**self._stored_paragraphs(), **self._new_paragraphs}

    def keep_normalized(self, documents: dict[str, str]) -> None:
        """Normalised documents (sha256 -> text) made elsewhere, to store."""
        self.normalized_documents()  # the stored ones are kept beside them
        self._new_paragraphs.update(documents)

    def _stored_paragraphs(self) -> dict[str, str]:
        if self._paragraphs is None:
            stored = self.read(CORPUS_ENTRY)
            self._paragraphs = stored if isinstance(stored, dict) else {}
        return self._paragraphs

    def digest_of(self, path: str, key: tuple[int, ...]) -> str | None:
        """The sha256 of the file at `path` when it was hashed with this stat (device, inode,
        size, modification and change times in ns): a file written since has another."""
        if self._digests is None:
            stored = self.read(DIGESTS_ENTRY)
            self._digests = stored if isinstance(stored, dict) else {}
        known = self._digests.get(path)
        if isinstance(known, tuple) and len(known) == 2 and known[0] == key:
            self._new_digests[path] = known
            return str(known[1])
        return None

    def note_digest(self, path: str, key: tuple[int, ...], sha256: str) -> None:
        """Remembered unless the file changed in the last seconds: a write in the same clock
        tick as the hashing would leave its times as they were (git's "racy" files)."""
        if time.time_ns() - max(key[3], key[4]) > RACY_NS:
            self._new_digests[path] = (key, sha256)

    def is_text(self, sha256: str) -> bool:
        """Whether a document with these bytes was found to be UTF-8 text before."""
        if self._texts is None:
            stored = self.read(TEXTS_ENTRY)
            self._texts = set(stored) if isinstance(stored, list) else set()
        return sha256 in self._texts

    def note_text(self, sha256: str) -> None:
        if not self.is_text(sha256):  # the stored verdicts are loaded, to be saved beside it
            self._new_texts.add(sha256)

    def read(self, name: str) -> object:
        """The value of entry `name`, or None when it is missing or does not check out."""
        self._entries.add(name)
        if self._secret is None:
            return None
        try:
            data = _read_bounded(self.folder / name)
            header, payload = data.split(b"\n", 1)
            if not hmac.compare_digest(header, self._header(payload)):
                return None
            return marshal.loads(payload)
        except (OSError, ValueError, EOFError, TypeError):
            return None

    def keep(self, name: str) -> None:
        """Entry `name` is still of use, though not read in this run: `save` leaves it."""
        self._entries.add(name)

    def write(self, name: str, value: object) -> None:
        """Store `value` (plain data only) as entry `name`; a cache that cannot be written is
        only slower, so failures are ignored."""
        self._entries.add(name)
        if self._secret is None:
            return
        temporary = None
        try:
            payload = marshal.dumps(value)  # type: ignore[arg-type]  # plain data, as promised
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "wb") as stream:
                stream.write(self._header(payload) + b"\n" + payload)
            os.replace(temporary, self.folder / name)
        except (OSError, ValueError):
            if temporary is not None:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)

    def save(self, documents: Collection[str] = ()) -> None:
        """Keep the normalised paragraphs of `documents` (sha256s) in the corpus entry, and
        drop the entries that were not read or written in this run (files that are no more,
        or no longer as they were). The corpus entry is left as it is when it was not read."""
        if self._secret is None:
            return
        current = set(documents)
        self.save_normalized(current)
        if self._digests is not None and self._new_digests != self._digests:
            self.write(DIGESTS_ENTRY, self._new_digests)
        texts = self._texts
        if texts is not None and (self._new_texts - texts or texts - current):
            self.write(TEXTS_ENTRY, sorted((texts & current) | self._new_texts))
        try:
            for entry in self.folder.glob("*.marshal"):
                if entry.name not in self._entries:
                    entry.unlink(missing_ok=True)
        except OSError:
            pass

    def save_normalized(self, documents: Collection[str]) -> None:
        """Write the corpus entry now, if it was read and changed: the normalised paragraphs
        of `documents` (sha256s), those kept and those made in this run."""
        stored, current = self._paragraphs, set(documents)
        if stored is None or not (
            self._new_paragraphs.keys() - stored.keys() or stored.keys() - current
        ):
            return
        kept = {sha256: stored[sha256] for sha256 in current if sha256 in stored}
        self._paragraphs = {**kept, **self._new_paragraphs}
        self._new_paragraphs = {}
        self.write(CORPUS_ENTRY, self._paragraphs)

    def _header(self, payload: bytes) -> bytes:
        assert self._secret is not None
        signature = hmac.new(self._secret, payload, hashlib.sha256).hexdigest()
        return b"%s %s %s" % (FORMAT, self.key.encode(), signature.encode())


def _load_secret(path: Path | None) -> tuple[bytes | None, str | None]:
    """The secret in `path`, made (readable by this user only) when there is none yet; or
    None and why it cannot be used."""
    if path is None:
        return None, "the user's cache folder ($XDG_CACHE_HOME) is inside the project"
    try:
        secret, problem = _read_secret(path)
    except FileNotFoundError:
        secret, problem = None, None
    except OSError as error:
        return None, f"cannot read the cache secret {path}: {error.strerror}"
    if secret is not None or problem is not None:
        return secret, problem
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # mode 0600
        with os.fdopen(handle, "wb") as stream:
            stream.write(secrets.token_hex(32).encode())
        os.replace(temporary, path)
        return _read_secret(path)
    except OSError as error:
        return None, f"cannot make the cache secret {path}: {error.strerror}"


def _read_secret(path: Path) -> tuple[bytes | None, str | None]:
    """The secret, or why it is refused: a link, or a file someone else could have written."""
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    with os.fdopen(handle, "rb") as stream:
        found = os.fstat(stream.fileno())
        if not stat.S_ISREG(found.st_mode) or found.st_uid != os.geteuid():
            return None, f"the cache secret {path} is not a file of this user's"
        if found.st_mode & 0o022:
            return None, f"the cache secret {path} is writable by others; remove it"
        secret = stream.read(4096)
    return (secret, None) if len(secret) >= 32 else (None, None)


def _linked_folder(folder: Path) -> str | None:
    """Why `folder` is refused: it, or a folder on its way inside the current folder, is a
    symbolic link (which would send writes and deletions elsewhere)."""
    absolute = Path(os.path.abspath(folder))
    here = Path(os.path.abspath(os.curdir))
    on_the_way = [absolute, *absolute.parents]
    ours = on_the_way[: on_the_way.index(here)] if here in on_the_way else on_the_way[:1]
    for part in ours:
        if part.is_symlink():
            return f"the cache folder {folder} is, or is inside, a symbolic link"
    return None


def _read_bounded(path: Path) -> bytes:
    """The bytes of a regular file (no link followed) of at most MAX_ENTRY_BYTES."""
    handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        found = os.fstat(handle)
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_ENTRY_BYTES:
            raise ValueError(f"{path} is not a cache entry")
        return _read_exactly(handle, found.st_size)
    finally:
        os.close(handle)


def _read_exactly(handle: int, size: int) -> bytes:
    """The `size` bytes of an open file, read to its end; a file that is longer or shorter
    than that now (written meanwhile) is refused. Asking for the size, not the bound, matters:
    a read of MAX_ENTRY_BYTES allocates that much first (1,000 entries: 50 ms)."""
    chunks, total = [], 0
    while total <= size:
        chunk = os.read(handle, size + 1 - total)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    if total != size:
        raise ValueError("a cache entry changed while it was read")
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
