"""`python -m generator diff BASE [HEAD]` on a real git history."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .conftest import Cli, GitRepo

BEFORE = """\
# Pledges made in Paris.
facts:
  - id: au-aircraft
    countries: [AU]
    topic: military
    claim: Australia pledged eight aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel
        values: {aircraft: 8}
  - id: fr-reconnaissance
    countries: [FR]
    topic: military
    claim: France began reconnaissance flights over Iraq.
    sources:
      - doc: 001_45c1c8414a270103
        quote: France announced it had begun reconnaissance missions over Iraq on Monday
"""

AFTER = """\
# Pledges made in Paris.
facts:
  - id: au-aircraft
    countries: [AU]
    topic: military
    claim: Australia pledged eight aircraft and 600 personnel.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
        values: {aircraft: 8, personnel: 600}
  - id: au-ten-aircraft
    countries: [AU]
    topic: military
    claim: Australia prepared up to ten aircraft.
    sources:
      - doc: 003_f8e25e88ba0ab80b
        quote: Tony Abbott said he was preparing to contribute up to 10 military aircraft
"""


def history(repo: GitRepo) -> tuple[str, str]:
    repo.write("facts/pledges.yml", BEFORE)
    base = repo.commit("two pledges")
    repo.write("facts/pledges.yml", AFTER)
    return base, repo.commit("one changed, one added, one removed")


def test_text_shows_added_removed_and_changed_old_to_new(repo: GitRepo, cli: Cli) -> None:
    base, head = history(repo)

    result = cli("diff", base, head)

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Facts: 1 added, 1 changed, 1 removed"
    assert (
        "+ fact au-ten-aircraft (facts/pledges.yml): Australia prepared up to ten aircraft."
        in lines
    )
    assert (
        "- fact fr-reconnaissance (facts/pledges.yml): "
        + ("France began reconnaissance flights over Iraq.")
        in lines
    )
    changed = lines[
        lines.index(
            "~ fact au-aircraft (facts/pledges.yml): "
            + ("Australia pledged eight aircraft and 600 personnel.")
        )
        + 1 :
    ]
    assert changed[:3] == [
        "    'claim': \"Australia pledged eight aircraft{+ and 600 personnel+}.\"",
        "    the first source's 'quote': \"Australia said it would provide eight aircraft and "
        '600 personnel{+ to help combat IS.+}"',
        "    the first source's value 'personnel': (none) → \"600\"",
    ]
    assert not [line for line in lines if "countr" in line.lower()]


def test_markdown_for_a_pull_request(repo: GitRepo, cli: Cli) -> None:
    base, head = history(repo)

    result = cli("diff", base, head, "--format", "markdown")

    assert result.returncode == 0
    assert "#### Facts: 1 added, 1 changed, 1 removed" in result.stdout
    assert "- **added** `au-ten-aircraft` in `facts/pledges.yml`: " in result.stdout
    assert "  - the first source's value 'personnel': *(none)* → “600”" in result.stdout
    assert "  - 'claim': “Australia pledged eight aircraft **and 600 personnel**.”" in (
        result.stdout
    )


def test_head_omitted_compares_with_the_working_tree(repo: GitRepo, cli: Cli) -> None:
    base, _ = history(repo)
    moved = AFTER.replace("au-ten-aircraft", "au-up-to-ten-aircraft")
    repo.write("facts/pledges.yml", "facts: []\n")
    repo.write("facts/australia/pledges.yml", moved)

    result = cli("diff", "HEAD")

    assert result.returncode == 0, result.stderr
    assert "Facts: 1 added, 1 changed, 1 removed" in result.stdout
    assert "+ fact au-up-to-ten-aircraft (facts/australia/pledges.yml)" in result.stdout
    assert '    \'file\': "facts/pledges.yml" → "facts/australia/pledges.yml"' in result.stdout
    assert cli("diff", base).stdout.startswith("Facts: 1 added, 1 changed, 1 removed")


def test_no_difference(repo: GitRepo, cli: Cli) -> None:
    history(repo)

    result = cli("diff", "HEAD", "HEAD")

    assert result.returncode == 0
    assert result.stdout == "No fact, event or country added, changed or removed.\n"


def test_events_and_countries_are_compared_too(repo: GitRepo, cli: Cli) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.write("facts/countries.yml", "countries:\n  - code: AU\n    name: Australia\n")

    result = cli("diff", base)

    assert "Countries: 0 added, 1 changed, 1 removed" in result.stdout
    assert "    'aliases': \"Australian\" → (none)" in result.stdout
    assert "- country FR (facts/countries.yml): France" in result.stdout


def test_revisions_that_are_not_revisions_cannot_run(repo: GitRepo, cli: Cli) -> None:
    for revision in ("--output=/tmp/owned", "no-such-branch", "HEAD --all"):
        result = cli("diff", "--", revision, "HEAD")
        assert result.returncode == 2
        assert result.stderr.startswith("error: ")


def test_an_added_fact_shows_its_documents_and_quotes(repo: GitRepo, cli: Cli) -> None:
    """A reviewer of an added fact needs the quote most: it is printed under the claim."""
    base, head = history(repo)

    text = cli("diff", base, head).stdout.splitlines()
    markdown = cli("diff", base, head, "--format", "markdown").stdout

    added = text.index(
        "+ fact au-ten-aircraft (facts/pledges.yml): Australia prepared up to ten aircraft."
    )
    assert text[added + 1] == (
        '    the first source: 003_f8e25e88ba0ab80b "Tony Abbott said he was preparing to '
        'contribute up to 10 military aircraft"'
    )
    assert (
        "  - the first source, `003_f8e25e88ba0ab80b`: “Tony Abbott said he was preparing to "
        "contribute up to 10 military aircraft”" in markdown
    )


def test_a_one_word_edit_is_marked_not_printed_twice(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/pledges.yml", BEFORE)
    base = repo.commit("before")
    repo.write("facts/pledges.yml", BEFORE.replace("pledged eight", "promised eight"))

    text = cli("diff", base).stdout
    markdown = cli("diff", base, "--format", "markdown").stdout

    assert "    'claim': \"Australia [-pledged-]{+promised+} eight aircraft.\"\n" in text
    assert text.count("eight aircraft.") == 2  # the title line, and the marked claim once
    assert "  - 'claim': “Australia ~~pledged~~ **promised** eight aircraft.”" in markdown


def test_inner_double_quotes_are_escaped(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/pledges.yml", BEFORE)
    base = repo.commit("before")
    edited = BEFORE.replace(
        "claim: France began reconnaissance flights over Iraq.",
        "claim: 'France began \"reconnaissance\" flights over Iraq.'",
    )
    repo.write("facts/pledges.yml", edited)

    text = cli("diff", base).stdout

    assert '    \'claim\': "France began {+\\"+}reconnaissance{+\\"+} flights over Iraq."' in text


def test_sources_are_counted_as_the_checker_counts_them(repo: GitRepo, cli: Cli) -> None:
    """The diff and the checker name the same source the same way."""
    repo.write("facts/pledges.yml", BEFORE)
    base = repo.commit("before")
    repo.write(
        "facts/pledges.yml", BEFORE.replace("values: {aircraft: 8}", "values: {aircraft: 9}")
    )
    diff = cli("diff", base).stdout
    repo.write(
        "facts/pledges.yml", BEFORE.replace("values: {aircraft: 8}", "values: {Aircraft: 8}")
    )
    check = cli("check").stdout

    assert '    the first source\'s value \'aircraft\': "8" → "9"\n' in diff
    assert "the first source's value name is 'Aircraft'" in check
    assert "sources[" not in diff + check and "sources.0" not in check
