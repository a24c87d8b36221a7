"""A fact file that cannot be read is counted in the summary, with the facts it holds."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from .conftest import COUNTRIES

if TYPE_CHECKING:
    from pathlib import Path

    from .conftest import Cli, GitRepo

GOOD = """\
facts:
  - id: au-pledge
    countries: [AU]
    topic: military
    claim: Australia pledged eight aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""


def broken_file(facts: int) -> str:
    """`facts` facts, the first with a colon in an unquoted claim: the file cannot be read."""
    items = [
        f"  - id: fact-{number}\n    countries: [AU]\n    topic: military\n"
        f"    claim: {'Australia said: ' if number == 0 else ''}a claim\n"
        "    sources:\n      - {doc: 001_45c1c8414a270103, quote: a quote of some words}\n"
        for number in range(facts)
    ]
    return "facts:\n" + "".join(items)


def test_the_text_summary_counts_a_file_it_could_not_read(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/good.yml", GOOD)
    repo.write("facts/broken.yml", broken_file(34))

    result = cli("check")

    last = result.stdout.splitlines()[-1]
    assert last.startswith("Checked 1 fact, ")
    assert last.endswith("1 file could not be read (about 34 facts in it not checked).")


def test_the_json_summary_keeps_its_keys_and_adds_the_unread(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/broken.yml", broken_file(3))
    repo.write("facts/latin1.yml", (COUNTRIES + broken_file(2)).replace("Australia", "Austr\xe9"))
    (repo.root / "facts" / "latin1.yml").write_bytes(
        (repo.root / "facts" / "latin1.yml").read_text(encoding="utf-8").encode("latin-1")
    )

    summary = json.loads(cli("check", "--format", "json").stdout)["summary"]

    assert {"documents", "countries", "events", "facts", "quotes", "quotes_verified"} <= set(
        summary
    )
    assert (summary["files_not_read"], summary["facts_not_read"]) == (2, 5)
    assert summary["facts"] == 0


def test_the_job_summary_says_what_was_not_checked(repo: GitRepo, cli: Cli, tmp_path: Path) -> None:
    repo.write("facts/good.yml", GOOD)
    repo.write("facts/broken.yml", broken_file(2))
    summary = tmp_path / "summary.md"

    cli("check", "--format", "github", "--summary", str(summary))

    text = summary.read_text(encoding="utf-8")
    assert "**Not checked:** 1 file could not be read (about 2 facts in it not checked)." in text


def test_a_file_read_in_full_is_not_counted(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/good.yml", GOOD)

    summary = json.loads(cli("check", "--format", "json").stdout)["summary"]

    assert (summary["files_not_read"], summary["facts_not_read"]) == (0, 0)
    assert "could not be read" not in cli("check").stdout
