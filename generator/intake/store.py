"""Write a planned document and sources.yml together, or leave the corpus as it was."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from generator.corpus.documents import SOURCES_FILE
from generator.intake.plan import Plan


class NotWritten(RuntimeError):
    """The corpus was left as it was; the message says why."""


def write_plan(plan: Plan, corpus: Path) -> Path:
    """Write `corpus/<id>.txt` and the new sources.yml; on any failure, neither.

    Both go to temporary files in the corpus folder first, then are renamed into place (each
    rename is atomic); if sources.yml cannot be replaced, the new document is removed again.
    """
    document = corpus / f"{plan.doc_id}.txt"
    sources = corpus / SOURCES_FILE
    temporaries: list[str] = []
    try:
        document_temp = _temporary(corpus, plan.text, temporaries)
        sources_temp = _temporary(corpus, plan.sources, temporaries)
        _still(sources, plan.sources_before)
        if document.exists() or document.is_symlink():
            raise NotWritten(f"{document} appeared while adding; nothing was written")
        os.replace(document_temp, document)
        try:
            os.replace(sources_temp, sources)
        except OSError:
            document.unlink()
            raise
    except OSError as error:
        raise NotWritten(f"cannot write to {corpus}: {error}; nothing was written") from None
    finally:
        for name in temporaries:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(name)
    return document


def _temporary(folder: Path, content: bytes, made: list[str]) -> str:
    """A new file in `folder` holding `content`, flushed to disk (not a .txt: a check running
    meanwhile does not take it for a document)."""
    handle, name = tempfile.mkstemp(dir=folder, prefix=".add-", suffix=".tmp")
    made.append(name)
    os.chmod(name, 0o666 & ~_umask())  # as a file the editor makes, not mkstemp's 0600
    with os.fdopen(handle, "wb") as stream:
        stream.write(content)
        stream.flush()
        os.fsync(stream.fileno())
    return name


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _still(path: Path, expected: bytes) -> None:
    try:
        now = path.read_bytes()
    except FileNotFoundError:
        now = b"documents:\n"
    if now != expected:
        raise NotWritten(f"{path} changed while adding; run add again; nothing was written")
