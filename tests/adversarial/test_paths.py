"""Paths from untrusted files: nothing outside the corpus, and nothing but plain files, is opened.

Every path-like `doc:` points at a FIFO, which would block forever if anything opened it for
reading; the checks run in a subprocess whose timeout turns such a hang into a failure.
"""

from __future__ import annotations

import json
import os

from .workspace import Workspace, assert_good_file_in_json

QUOTE = "Australia said it would provide eight aircraft and 600 personnel to help combat IS."


def citing(*docs: str) -> str:
    """A fact file with one fact per `doc:` value, the `doc:` of fact `index` on doc_line(index)."""
    facts = [
        f"""\
  - id: cites-{index}
    countries: [AU]
    topic: military
    claim: A fact citing a strange document.
    sources:
      - doc: {doc}
        quote: {QUOTE}
"""
        for index, doc in enumerate(docs)
    ]
    return "facts:\n" + "".join(facts)


def doc_line(index: int) -> int:
    return 7 + 7 * index


def diagnostics(completed_stdout: str) -> list[tuple[str, int, str]]:
    report = json.loads(completed_stdout)
    return [(d["file"], d["line"], d["code"]) for d in report["diagnostics"]]


def test_path_like_doc_values_are_refused_before_anything_is_opened(
    workspace: Workspace,
) -> None:
    traps = workspace.root / "traps"
    traps.mkdir()
    for name in ("outside", "passwd"):
        os.mkfifo(traps / f"{name}.txt")
    docs = [
        f'"{traps / "passwd"}"',
        "../traps/outside",
        "001_45c1c8414a270103/../../traps/outside",
        '"..\\\\traps\\\\outside"',
        "C:\\traps\\outside",
        '"001_45c1c8414a270103\\0"',
        "001_45c1c8414a270103.txt",
        "~/traps/outside",
        '"\\u2024\\u2024/traps/outside"',
    ]
    workspace.write("facts/paths.yml", citing(*docs))
    completed = workspace.cli(timeout=30)
    assert completed.returncode == 1, completed.stderr
    found = diagnostics(completed.stdout)
    expected = [("facts/paths.yml", doc_line(index), "schema") for index in range(len(docs))]
    assert [item for item in found if item[0] == "facts/paths.yml"] == expected
    assert "a corpus document id" in completed.stdout
    assert_good_file_in_json(completed.stdout)


def test_links_pipes_and_folders_in_the_corpus_are_refused_unopened(
    workspace: Workspace,
) -> None:
    outside = workspace.root / "outside.txt"
    outside.write_text(QUOTE + "\n")
    corpus = workspace.corpus
    (corpus / "link.txt").symlink_to(outside)
    (corpus / "inner-link.txt").symlink_to(corpus / "001_45c1c8414a270103.txt")
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "folder.txt").mkdir()
    workspace.write("facts/odd-docs.yml", citing("link", "inner-link", "pipe", "folder"))
    completed = workspace.cli(timeout=30)
    assert completed.returncode == 1, completed.stderr
    found = diagnostics(completed.stdout)
    for name in ("link", "inner-link", "pipe", "folder"):
        assert (f"corpus/{name}.txt", 1, "corpus-integrity") in found
    for index in range(4):
        assert ("facts/odd-docs.yml", doc_line(index), "unknown-document") in found
    assert json.loads(completed.stdout)["summary"]["quotes_verified"] == 2  # the good file's
    assert_good_file_in_json(completed.stdout)


def test_links_pipes_and_folders_among_the_fact_files_are_refused(workspace: Workspace) -> None:
    facts = workspace.facts
    (facts / "link.yml").symlink_to(facts / "good.yml")
    (facts / "outside-link.yml").symlink_to("/etc/passwd")
    os.mkfifo(facts / "pipe.yml")
    (facts / "folder.yml").mkdir()
    elsewhere = workspace.root / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "more.yml").write_text(citing("001_45c1c8414a270103"))
    (facts / "linked-folder").symlink_to(elsewhere)
    workspace.write("facts/folder.yml/inside.yml", citing("001_45c1c8414a270103"))
    completed = workspace.cli(timeout=30)
    assert completed.returncode == 1, completed.stderr
    found = diagnostics(completed.stdout)
    for name in ("link.yml", "outside-link.yml", "pipe.yml", "folder.yml", "linked-folder"):
        assert (f"facts/{name}", 1, "yaml-syntax") in found
    assert not any(code == "duplicate-id" for _, _, code in found)
    summary = json.loads(completed.stdout)["summary"]
    assert (summary["facts"], summary["quotes_verified"]) == (3, 3)  # good.yml and inside.yml
    assert_good_file_in_json(completed.stdout)


def test_the_good_file_alone_passes_these_refusals(workspace: Workspace) -> None:
    """The refusals above are not a refusal of everything: a plain fact file is read."""
    completed = workspace.cli(timeout=30)
    assert diagnostics(completed.stdout) == [("facts/good.yml", 21, "value-not-in-quote")]
