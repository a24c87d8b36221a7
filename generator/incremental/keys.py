"""Every cache key and fingerprint of the check, each next to the inputs it covers.

An entry is found by a name made of everything its value depends on, so a changed input finds
no entry (and `Cache.save` drops the entries no longer named). The code that computed a value
is covered by `code_key`, in the header of every entry.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys

import pydantic
import rapidfuzz
import yaml

from generator.check.tables import Tables
from generator.corpus.documents import Corpus

#: The code whose findings are cached: all of it but the site and the authoring commands.
PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CODE_FOLDERS = ("", "load", "corpus", "match", "check", "check/rules", "incremental")
#: Fixed entries: the normalised documents, which documents are UTF-8, the files' digests.
CORPUS_ENTRY = "corpus.marshal"
TEXTS_ENTRY = "utf8.marshal"
DIGESTS_ENTRY = "digests.marshal"


def code_key() -> str:
    """Changes whenever the code that checks changes (or Python, or a library it relies on)."""
    versions = (sys.version, yaml.__version__, pydantic.VERSION, rapidfuzz.__version__)
    digest = hashlib.sha256("|".join(versions).encode())
    for name in CODE_FOLDERS:
        folder = os.path.join(PACKAGE, name)
        for module in sorted(entry for entry in os.listdir(folder) if entry.endswith(".py")):
            with open(os.path.join(folder, module), "rb") as source:
                digest.update(module.encode() + b"\0" + source.read())
    return digest.hexdigest()


def stat_key(found: os.stat_result) -> tuple[int, ...]:
    """What shows a file unchanged since it was hashed (as git does): device, inode, size,
    modification and change times (ns)."""
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def file_digest(raw: bytes) -> str:
    """A fact file's bytes."""
    return hashlib.sha256(raw).hexdigest()


def fact_file_entry(display: str, digest: str) -> str:
    """What checking the fact file shown as `display`, with bytes of this sha256, found."""
    return hashlib.sha256(f"facts\0{display}\0{digest}".encode()).hexdigest() + ".marshal"


def sources_entry(display: str, raw: bytes) -> str:
    """The parsed `sources.yml` shown as `display`, with these bytes."""
    name = hashlib.sha256(b"sources\0" + display.encode() + b"\0" + raw).hexdigest()
    return name + ".marshal"


def search_entries(corpus: Corpus) -> tuple[str, str]:
    """The corpus's word index, and the conclusions about quotes not found in it: both of
    the documents' ids and bytes, in corpus order."""
    order = [(doc_id, corpus.digests[doc_id]) for doc_id in corpus.documents]
    name = hashlib.sha256(repr(order).encode()).hexdigest()
    return f"{name}-words.marshal", f"{name}-misses.marshal"


def tables_fingerprint(tables: Tables) -> str:
    """Of all that a file's checks read from the tables: countries (names and aliases), every
    code and event id defined, and the events' dates."""
    countries = [(code, c.name, list(c.aliases)) for code, c in tables.countries.items()]
    data = marshal.dumps((countries, tables.codes, tables.event_ids, tables.event_dates))
    return hashlib.sha256(data).hexdigest()


def checks_fingerprint(tables: Tables, corpus: Corpus) -> str:
    """Of all that a file's checks read besides the file: tables, documents and their bytes,
    which documents failed the integrity check, and the documents' published dates (dates are
    read against them)."""
    documents = sorted(corpus.digests.items())
    digest = hashlib.sha256(tables_fingerprint(tables).encode())
    digest.update(repr((documents, sorted(corpus.unverified))).encode())
    digest.update(repr(sorted(corpus.published.items())).encode())
    return digest.hexdigest()
