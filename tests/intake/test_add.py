"""`python -m generator add`, run for real on a copy of the corpus: what it writes, what it
refuses, and that a refused or failed add leaves the corpus as it was, byte for byte."""

from __future__ import annotations

import hashlib
import os
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from generator.check.pipeline import run_check
from generator.cli import main
from generator.intake.command import run_add
from generator.intake.plan import Request

if TYPE_CHECKING:
    from tests.conftest import RunCli

REPO_ROOT = Path(__file__).resolve().parents[2]

PAGES = Path(__file__).parent / "pages"
HARBOUR = PAGES / "harbour-wall.html"
HARBOUR_ID = "005_18ba017cb2c28ec2"
FACT = """\
countries:
  - code: GB
    name: United Kingdom
facts:
  - id: port-ellis-sea-wall-vote
    countries: [GB]
    topic: political
    claim: The Port Ellis town council voted to rebuild the harbour's sea wall.
    sources:
      - doc: {doc}
        quote: "PORT ELLIS — The town council voted on Monday night to rebuild the harbour\u2019s \\
          sea wall"
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    shutil.copytree(REPO_ROOT / "corpus", tmp_path / "corpus")
    return tmp_path / "corpus"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file of the folder (hidden ones too) and its bytes."""
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_saved_page_is_added_with_its_metadata_and_can_be_quoted(
    run_cli: RunCli, corpus: Path
) -> None:
    before = (corpus / "sources.yml").read_bytes()
    result = run_cli("add", str(HARBOUR))
    assert result.returncode == 0, result.stderr
    assert f"Added corpus/{HARBOUR_ID}.txt" in result.stdout
    for shown in (
        "title:      Harbour town votes",
        "outlet:     The Coastal Ledger",
        "published:  2024-03-12",
        "paragraphs: 8 (210 words)",
        "first:      Harbour town votes",
        "last:       The harbour master, Jonas Berg",
    ):
        assert shown in result.stdout
    assert "Not found" not in result.stdout
    text = (corpus / f"{HARBOUR_ID}.txt").read_bytes()
    assert text == (PAGES / "harbour-wall.txt").read_bytes()
    after = (corpus / "sources.yml").read_bytes()
    assert after.startswith(before)  # the comments and entries before it untouched
    assert after[len(before) :].decode() == (
        f"  - id: {HARBOUR_ID}\n"
        "    title: Harbour town votes to rebuild its sea wall\n"
        "    outlet: The Coastal Ledger\n"
        "    author: Mara Lindqvist\n"
        "    published: 2024-03-12\n"
        "    url: https://www.coastalledger.example/news/2024/03/harbour-wall-vote.html\n"
        f"    retrieved: {date.today().isoformat()}\n"
        "    sha256: 18ba017cb2c28ec295a19c0798521017eebf82af1558ba12f3f56cd0d9682504\n"
    )
    facts = corpus.parent / "facts"
    facts.mkdir()
    (facts / "facts.yml").write_text(FACT.format(doc=HARBOUR_ID), encoding="utf-8")
    checked = run_cli("check", "--no-cache")
    assert checked.returncode == 0, checked.stdout
    assert "1 of 1 quote verified; 0 errors" in checked.stdout  # (no country is named)


def test_given_options_win_and_missing_metadata_is_named(run_cli: RunCli, corpus: Path) -> None:
    result = run_cli(
        "add",
        str(PAGES / "rail-strike.html"),
        "--id",
        "rail-strike",
        "--url",
        "https://midlandcourier.example/b/rail?ref=home&x=1",
        "--archived-url",
        "https://web.archive.org/web/20231103/https://midlandcourier.example/b",
        "--retrieved",
        "2023-11-03",
    )
    assert result.returncode == 0, result.stderr
    assert "(given with --url)" in result.stdout
    assert "author:     (not found)" in result.stdout
    assert "Not found, so left out (never guessed): author" in result.stdout
    listed = (corpus / "sources.yml").read_text(encoding="utf-8")
    assert listed.endswith(
        "  - id: rail-strike\n"
        "    title: Rail workers call off Friday strike after late pay offer\n"
        "    outlet: Midland Courier\n"
        "    published: 2023-11-02\n"
        "    url: https://midlandcourier.example/b/rail?ref=home&x=1\n"
        "    archived_url: https://web.archive.org/web/20231103/https://midlandcourier.example/b\n"
        "    retrieved: 2023-11-03\n"
        f"    sha256: {hashlib.sha256((PAGES / 'rail-strike.txt').read_bytes()).hexdigest()}\n"
    )
    assert run_check(corpus, corpus.parent / "nofacts").summary.errors == 0


def test_a_text_file_takes_the_next_sequence_number(run_cli: RunCli, corpus: Path) -> None:
    statement = corpus.parent / "statement.txt"
    statement.write_text("Joint statement of the ministers\n" + "They met and agreed. " * 30)
    result = run_cli("add", str(statement))
    assert result.returncode == 0, result.stderr
    assert "outlet, author, published, url" in result.stdout
    added = sorted(corpus.glob("005_*.txt"))
    assert len(added) == 1 and "title: Joint statement of the ministers\n" in (
        corpus / "sources.yml"
    ).read_text(encoding="utf-8")


def add(corpus: Path, path: Path | str, **options: str) -> int:
    """`add` in this process (the command line's parsing is tested above)."""
    return run_add(Request(Path(path), corpus, options.pop("retrieved", "2024-03-13"), **options))


REFUSALS: dict[str, tuple[str, dict[str, str], str]] = {
    "same text": (str(HARBOUR), {}, "this text is already in the corpus, as 005_"),
    "same url": (
        str(PAGES / "vaccine-clinic.html"),
        {"url": "https://WWW.coastalledger.example/news/2024/03/harbour-wall-vote.html/"},
        "is already in the corpus, as 005_",
    ),
    "same text, spaced otherwise": ("respaced.txt", {}, "the same after normalising"),
    "near-empty": (str(PAGES / "paywall.html"), {}, "only 25 words of text were found"),
    "not html nor text": ("scan.pdf", {}, "neither a web page nor a UTF-8 text file"),
    "not utf-8": ("latin1.txt", {}, "not UTF-8"),
    "id taken": (
        str(PAGES / "rail-strike.html"),
        {"doc_id": "001_45c1c8414a270103"},
        "a document with this id is already in the corpus",
    ),
    "id malformed": (
        str(PAGES / "rail-strike.html"),
        {"doc_id": "../../etc/x"},
        "is not a document id",
    ),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_a_refused_add_writes_nothing(
    corpus: Path, case: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert add(corpus, HARBOUR) == 0
    folder = corpus.parent
    monkeypatch.chdir(folder)
    respaced = (PAGES / "harbour-wall.txt").read_text(encoding="utf-8").replace(" ", "  ")
    (folder / "respaced.txt").write_text(respaced.replace("\u2019", "'"), encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.7\n\x00\x01binary")
    (folder / "latin1.txt").write_bytes("Café owners said ".encode("latin-1") * 20)
    before = snapshot(corpus)
    capsys.readouterr()
    path, options, message = REFUSALS[case]
    assert add(corpus, path, **options) == 1
    error = capsys.readouterr().err
    assert message in error and "nothing was written" in error
    assert snapshot(corpus) == before


def test_an_add_that_fails_midway_leaves_the_corpus_as_it_was(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The document is in place when sources.yml cannot be replaced (a full disk, say)."""
    before = snapshot(corpus)
    replace = os.replace
    calls: list[str] = []

    def failing_second_replace(source: str, target: str | Path) -> None:
        calls.append(str(target))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        replace(source, target)

    monkeypatch.setattr(os, "replace", failing_second_replace)
    code = add(corpus, HARBOUR)
    assert code == 1 and calls[0].endswith(f"{HARBOUR_ID}.txt")
    assert "No space left on device; nothing was written" in capsys.readouterr().err
    assert snapshot(corpus) == before


@pytest.mark.parametrize(
    "option",
    [
        ["--url", "javascript:alert(1)"],
        ["--archived-url", "file:///etc/passwd"],
        ["--retrieved", "2024-3-1"],
        ["--retrieved", "2024-02-30"],
    ],
)
def test_a_bad_address_or_date_is_a_usage_error(
    corpus: Path, option: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["add", str(HARBOUR), "--corpus", str(corpus), *option])
    assert stopped.value.code == 2 and f"error: argument {option[0]}" in capsys.readouterr().err
    assert main(["add", "missing.html", "--corpus", str(corpus)]) == 2
    assert not list(corpus.glob("005_*"))
