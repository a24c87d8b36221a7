"""A corpus document changed during a check stops it with exit status 2 and one clear line.

The check hashes each document when it lists the corpus and reads it again when a quote needs
it: a document rewritten in between (a `git checkout`, an editor saving) no longer has the
bytes that were verified. The check must say so in one line, never with a traceback.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from generator.cli import main
from generator.corpus.documents import CorpusChanged, load_corpus

from .workspace import Workspace

DOC = "001_45c1c8414a270103"


def test_a_document_rewritten_after_it_was_hashed_is_refused(workspace: Workspace) -> None:
    corpus = load_corpus(workspace.corpus, "corpus")
    path = workspace.corpus / f"{DOC}.txt"
    path.write_bytes(path.read_bytes().replace(b"eight", b"EIGHT"))
    with pytest.raises(CorpusChanged, match=f"{DOC}.txt changed while it was being checked"):
        _ = corpus.documents[DOC].haystack


def rewriting(path: Path, stop: threading.Event) -> None:
    """Rewrite the document in place (same size, so never half-written), over and over."""
    original = path.read_bytes()
    changed = original.replace(b"eight", b"EIGHT")
    while not stop.is_set():
        for content in (changed, original):
            descriptor = os.open(path, os.O_WRONLY)
            try:
                os.write(descriptor, content)
            finally:
                os.close(descriptor)


def test_a_document_changed_during_the_check_is_one_line_and_exit_2(
    workspace: Workspace, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real command, run until the rewriting lands between hashing and reading."""
    monkeypatch.chdir(workspace.root)
    stop = threading.Event()
    thread = threading.Thread(target=rewriting, args=(workspace.corpus / f"{DOC}.txt", stop))
    thread.start()
    outcomes = []
    try:
        for _ in range(300):
            code = main(["check", "--no-cache", "--jobs", "1", "--format", "json"])
            outcomes.append((code, capsys.readouterr().err))
            if code == 2:
                break
    finally:
        stop.set()
        thread.join()
    assert {code for code, _ in outcomes} <= {0, 1, 2}
    assert outcomes[-1] == (
        2,
        f"error: corpus/{DOC}.txt changed while it was being checked; check again\n",
    )
