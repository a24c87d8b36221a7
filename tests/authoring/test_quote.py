"""`python -m generator quote TEXT...`: the pasted `sources:` entry must verify."""

from __future__ import annotations

import json
import textwrap
from typing import TYPE_CHECKING

from generator.authoring.quote import yaml_quoted
from generator.load.yaml import load_bytes

if TYPE_CHECKING:
    from .conftest import Cli, GitRepo

FACT = """\
facts:
  - id: pasted
    countries: [AU]
    topic: military
    claim: What the pasted sentence says.
    sources:
{entry}"""


def pasted(stdout: str) -> str:
    """The first entry `quote` printed, indented under `sources:` as a curator pastes it."""
    entry = stdout.split("\n\n")[0].split("\n", 1)[1]
    return textwrap.indent(entry, "      ") + "\n"


def test_the_entry_printed_verifies_when_pasted(repo: GitRepo, cli: Cli) -> None:
    result = cli("quote", "EIGHT", "aircraft", "600")

    assert result.returncode == 0
    assert result.stdout.startswith("# 001_45c1c8414a270103, paragraph 16, sentence 2\n")
    repo.write("facts/pasted.yml", FACT.format(entry=pasted(result.stdout)))
    check = cli("check", "--format", "json")
    assert json.loads(check.stdout)["summary"]["quotes_verified"] == 1
    assert check.returncode == 0, check.stdout


def test_quotes_and_apostrophes_are_quoted_for_yaml(repo: GitRepo, cli: Cli) -> None:
    result = cli("quote", "certainly", "playbook", "--doc", "000_8b3da4b858bd0d12")

    assert "  quote: '\"We''re certainly not using that playbook.\"'\n" in result.stdout
    repo.write("facts/pasted.yml", FACT.format(entry=pasted(result.stdout)))
    check = cli("check")
    assert "1 of 1 quote verified" in check.stdout
    assert "quote-too-short" not in check.stdout


def test_nothing_found_exits_1_and_an_unknown_doc_2(cli: Cli) -> None:
    nothing = cli("quote", "aircraft", "xylophone")
    assert (nothing.returncode, nothing.stdout) == (1, "")
    assert "no sentence holds all of: aircraft xylophone" in nothing.stderr
    assert cli("quote", "aircraft", "--doc", "no_such_doc").returncode == 2
    assert cli("quote", "aircraft", "--corpus", "nowhere").returncode == 2


def test_words_are_whole_words_and_limit_says_how_many_more(cli: Cli) -> None:
    assert cli("quote", "aircraf").returncode == 1
    result = cli("quote", "Iraq", "--limit", "2")
    assert result.stdout.count("- doc: ") == 2
    assert (
        result.stdout.rstrip()
        .splitlines()[-1]
        .endswith("more; add words or --doc, or raise --limit")
    )


def test_yaml_quoted_round_trips_any_text() -> None:
    for text in ["plain", "it's", 'say "no"', "a: b # c", "tab\there", "nul\u0085next", "'"]:
        loaded = load_bytes(f"k:\n  - v: {yaml_quoted(text)}\n".encode(), "t.yml", frozenset("k"))
        assert not loaded.diagnostics, (text, loaded.diagnostics)
        assert loaded.items[0].data == {"v": text}


def test_each_hit_names_its_document_and_the_sentence_before(cli: Cli) -> None:
    """A curator quoting "he was preparing" learns who "he" is, and from which outlet."""
    result = cli("quote", "preparing", "contribute", "aircraft")

    lines = result.stdout.splitlines()
    assert lines[0] == "# 003_f8e25e88ba0ab80b, paragraph 25, sentence 1"
    assert lines[1] == (
        '#   in "International diplomatic coalition builds against Islamic State", '
        "Al Jazeera America, date not stated"
    )
    assert lines[2] == (
        "#   the sentence before: He spoke anonymously as he is not entitled to brief the media."
    )
    assert lines[3] == "- doc: 003_f8e25e88ba0ab80b"


def test_the_date_and_outlet_of_a_document_are_shown_when_stated(cli: Cli) -> None:
    result = cli("quote", "eight", "aircraft", "600")

    assert (
        '#   in "Anti-Islamic State Coalition To Provide Military Assistance to Iraq", '
        "VICE News, 2014-09-15\n" in result.stdout
    )
