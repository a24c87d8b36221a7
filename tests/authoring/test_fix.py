"""`python -m generator fix [--write]`: exact corpus text for mistyped quotes, nothing else."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from generator.authoring.fix import confident_span
from generator.corpus.documents import Document

if TYPE_CHECKING:
    from .conftest import Cli, GitRepo

HEAD = """\
# yaml-language-server: $schema=../schema/facts.schema.json
# Pledges. Every comment, spacing and key order here must survive `fix --write`.
facts:
  - id: au-typo            # a typo, in a plain scalar
    countries: [ AU ]
    topic: military
    claim: Australia pledged eight aircraft.
    sources:
      - values: {aircraft: 8,   personnel: 600}   # keys in an unusual order
        doc: 001_45c1c8414a270103
"""

Q = "        quote: "
TYPO = Q + "Australia said it would provide eight aircraft and 600 personel to help combat IS.\n"
CASE = (
    Q + "'australian prime minister tony abbott said he was preparing to contribute up to 10 "
    "military aircraft'\n"
)
DOUBLED = (
    Q + '"France announced it had had begun reconnaissance missions over Iraq on Monday"  # x\n'
)

REST = """\
  - id: au-case
    countries: [AU]
    topic: military
    claim: Australia prepared up to ten aircraft.
    sources:
      - doc: 003_f8e25e88ba0ab80b
{case}
  - id: fr-doubled
    countries: [FR]
    topic: military
    claim: France began reconnaissance flights.
    sources:
      - doc: 001_45c1c8414a270103
{doubled}
  - id: au-not-in-the-corpus
    countries: [AU]
    topic: military
    claim: Not reported anywhere.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia will send submarines to the Pacific next year, officials said.
  - id: au-wrong-number
    countries: [AU]
    topic: military
    claim: A number is not a typo.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide nine aircraft and 600 personnel
"""


def fact_file(typo: str, case: str, doubled: str) -> str:
    return HEAD + typo + REST.format(case=case.rstrip("\n"), doubled=doubled.rstrip("\n"))


BROKEN = fact_file(TYPO, CASE, DOUBLED)
FIXED = fact_file(
    Q + "Australia said it would provide eight aircraft and 600 personnel to help combat IS.\n",
    Q + "'Australian Prime Minister Tony Abbott said he was preparing to contribute up to 10 "
    "military aircraft'\n",
    Q + '"France announced it had begun reconnaissance missions over Iraq on Monday"  # x\n',
)


def test_fix_prints_a_diff_and_changes_nothing(repo: GitRepo, cli: Cli) -> None:
    path = repo.write("facts/pledges.yml", BROKEN)
    repo.commit("broken quotes")

    result = cli("fix")

    assert result.returncode == 1
    assert path.read_text(encoding="utf-8") == BROKEN
    assert result.stdout.startswith("--- a/facts/pledges.yml\n+++ b/facts/pledges.yml\n")
    removed = [line[1:] for line in result.stdout.splitlines() if line.startswith("-    ")]
    added = [line[1:] for line in result.stdout.splitlines() if line.startswith("+    ")]
    assert removed == [TYPO.rstrip("\n"), CASE.rstrip("\n"), DOUBLED.rstrip("\n")]
    assert len(added) == 3
    assert "3 fixes can be applied (run fix --write)" in result.stderr


def test_fix_write_changes_only_the_quotes(repo: GitRepo, cli: Cli) -> None:
    path = repo.write("facts/pledges.yml", BROKEN)
    repo.commit("broken quotes")

    result = cli("fix", "--write")

    assert result.returncode == 0
    assert path.read_bytes() == FIXED.encode("utf-8")
    check = cli("check")
    assert check.stdout.count("error[quote-not-found]") == 2
    assert "nor anywhere in the corpus" in check.stdout  # the submarines: no match at all
    assert "'nine' → 'eight'" in check.stdout  # a number is never "fixed"
    again = cli("fix")
    assert (again.returncode, again.stdout) == (0, "")


def test_crlf_and_bom_survive(repo: GitRepo, cli: Cli) -> None:
    path = repo.root / "facts" / "pledges.yml"
    path.write_bytes(b"\xef\xbb\xbf" + BROKEN.replace("\n", "\r\n").encode("utf-8"))

    assert cli("fix", "--write").returncode == 0

    assert path.read_bytes() == b"\xef\xbb\xbf" + FIXED.replace("\n", "\r\n").encode("utf-8")


def add_document(repo: GitRepo, doc_id: str, text: str) -> None:
    """A corpus document of our own, listed in sources.yml with its sha256."""
    raw = text.encode("utf-8")
    (repo.root / "corpus" / f"{doc_id}.txt").write_bytes(raw)
    entry = f"  - id: {doc_id}\n    title: Test\n    sha256: {hashlib.sha256(raw).hexdigest()}\n"
    with (repo.root / "corpus" / "sources.yml").open("a", encoding="utf-8") as stream:
        stream.write(entry)


def write_twins(repo: GitRepo) -> str:
    """A document of two near-identical sentences; returns a fact file (not yet written) whose
    quote, mistyped, is as close to one as to the other."""
    add_document(
        repo,
        "900_twins",
        "The ministers agreed to send forty trucks of food to the border town.\n"
        "Later, the ministers agreed to send forty trucks of fuel to the border town.\n",
    )
    quote = "The ministers agreed to send forty trucks of foo to the border town"
    return HEAD + f"        quote: {quote}\n"


def test_a_quote_close_to_two_sentences_is_left_alone(repo: GitRepo, cli: Cli) -> None:
    text = write_twins(repo)
    path = repo.write("facts/pledges.yml", text.replace("001_45c1c8414a270103", "900_twins"))

    result = cli("fix", "--write")

    assert (result.returncode, result.stdout) == (0, "")
    assert path.read_text(encoding="utf-8") == text.replace("001_45c1c8414a270103", "900_twins")
    assert result.stderr.splitlines()[-1].startswith("no quote to fix")


def test_the_margin_is_what_refuses_the_twins() -> None:
    """Without its twin sentence, the same mistyped quote is fixed."""
    quote = "The ministers agreed to send forty trucks of foo to the border town"
    food = "The ministers agreed to send forty trucks of food to the border town.\n"
    fuel = "Later, the ministers agreed to send forty trucks of fuel to the border town.\n"
    alone = Document.from_text("one", Path("one.txt"), food)
    twins = Document.from_text("two", Path("two.txt"), food + fuel)

    assert confident_span(quote, alone) == food.rstrip(".\n")
    assert confident_span(quote, twins) is None


def test_fix_says_which_rule_keeps_each_broken_quote(repo: GitRepo, cli: Cli) -> None:
    """A curator whose quote is not fixed learns why, at the quote's line."""
    elided = (
        "  - id: au-elided\n    countries: [AU]\n    topic: military\n    claim: x.\n"
        "    sources:\n      - doc: 001_45c1c8414a270103\n"
        "        quote: Australia said it would provide ... and 600 personel to help\n"
    )
    repo.write("facts/pledges.yml", BROKEN + elided)

    result = cli("fix")

    kept = [line for line in result.stderr.splitlines() if ": kept: " in line]
    assert len(kept) == 3, result.stderr
    assert any("states other numbers: fix never changes a number" in line for line in kept)
    assert any("no text of 001_45c1c8414a270103 is close enough" in line for line in kept)
    assert any("has an elision (...): fix never guesses" in line for line in kept)
    assert all(line.startswith("facts/pledges.yml:") for line in kept)


def test_twins_are_kept_because_fix_never_chooses(repo: GitRepo, cli: Cli) -> None:
    text = write_twins(repo)
    repo.write("facts/pledges.yml", text.replace("001_45c1c8414a270103", "900_twins"))

    result = cli("fix")

    assert "facts/pledges.yml:11:16: kept: two places of 900_twins match it about equally" in (
        result.stderr
    )


def test_the_check_mentions_fix_for_exactly_the_quotes_fix_repairs(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/pledges.yml", BROKEN)

    check = cli("check")
    fix = cli("fix")

    mentioning = {
        line.split(": error")[0]
        for line in check.stdout.splitlines()
        if "quote-not-found" in line and "`python -m generator fix` can replace it" in line
    }
    fixed_lines = [
        number
        for number, line in enumerate(BROKEN.splitlines(), start=1)
        if line in [TYPO.rstrip("\n"), CASE.rstrip("\n"), DOUBLED.rstrip("\n")]
    ]
    assert mentioning == {f"facts/pledges.yml:{number}:16" for number in fixed_lines}
    assert fix.stdout.count("\n+        quote: ") == len(mentioning) == 3
    assert "'nine' → 'eight'" in check.stdout  # a number: the message does not point to fix


QUALIFIED = """\
countries:
  - code: IQ
    name: Iraq
    aliases: [Iraqi]
facts:
  - id: au-up-to-ten
    countries: [AU]
    topic: military
    claim: Australia prepared up to 10 aircraft and 600 personnel.
    sources:
      - doc: 003_f8e25e88ba0ab80b
        quote: Australian Prime Minister Tony Abbott said he was preparing to contribute up \
to 10 military aircraft and 600 personnel to be deployed to the United Arab Emirates.
        values: {aircraft: 10, personnel: 600}
  - id: iq-fighters
    countries: [IQ]
    topic: security
    claim: More than 27,600 IS fighters, about 2,600 of them foreigners.
    sources:
      - doc: 003_f8e25e88ba0ab80b
        quote: A senior Iraqi intelligence official told The Associated Press that more than \
27,600 IS fighters are believed to be operating in Iraq alone, including about 2,600 foreigners.
        values:
          fighters: 27600  # the estimate
          foreigners: 2600
"""


def test_fix_writes_the_qualified_value_the_quote_gives(repo: GitRepo, cli: Cli) -> None:
    path = repo.write("facts/values.yml", QUALIFIED)
    repo.commit("bare values")
    assert cli("check").stdout.count("error[value-qualifier-missing]") == 3

    result = cli("fix", "--write")

    assert result.returncode == 0, result.stderr
    assert "3 fixes applied" in result.stderr
    fixed = QUALIFIED.replace("{aircraft: 10,", "{aircraft: up to 10,")
    fixed = fixed.replace("fighters: 27600  #", "fighters: 'more than 27,600'  #")
    fixed = fixed.replace("foreigners: 2600", "foreigners: 'about 2,600'")
    assert path.read_text(encoding="utf-8") == fixed
    assert cli("check", "--strict").returncode == 0
