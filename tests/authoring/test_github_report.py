"""`check --format github`: every diagnostic, changed lines first, a notice, a job summary."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.authoring.markdown import escape
from generator.authoring.revisions import parse_changed_lines

if TYPE_CHECKING:
    from .conftest import Cli, GitRepo

FACT = """\
  - id: fact-{n:02d}
    countries: [AU]
    topic: military
    claim: Australia pledged aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said {n}
"""


def facts(count: int) -> str:
    """`count` facts, each with one error: a quote of three words (quote-too-short)."""
    return "facts:\n" + "".join(FACT.format(n=n) for n in range(1, count + 1))


def test_fifteen_errors_are_all_printed_with_one_notice(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/pledges.yml", facts(15))
    summary = repo.root / "summary.md"

    result = cli("check", "--format", "github", "--summary", str(summary))

    assert result.returncode == 1
    lines = result.stdout.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    notices = [line for line in lines if line.startswith("::notice::")]
    assert len(errors) == 15
    assert all("title=quote-too-short" in line for line in errors)
    assert not [line for line in lines if line.startswith("::warning")]
    assert len(notices) == 1
    assert notices[0].startswith("::notice::5 errors of 15 are not marked on the diff")
    assert "job summary lists them all" in notices[0]
    text = summary.read_text(encoding="utf-8")
    rows = re.findall(
        r"^\| `(facts/pledges\.yml:\d+:\d+)` \| error `quote-too-short` \|", text, re.M
    )
    marked = [re.search(r"file=(.*?),line=(\d+),col=(\d+)", line) for line in errors]
    assert sorted(rows) == sorted(f"{m[1]}:{m[2]}:{m[3]}" for m in marked if m)
    assert len(set(rows)) == 15
    assert "| 15 | 0 of 15 | 15 | 0 |" in text


def test_ten_errors_need_no_notice(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/pledges.yml", facts(10))

    result = cli("check", "--format", "github")

    assert result.stdout.count("::error ") == 10
    assert "::notice::" not in result.stdout


def test_errors_on_changed_lines_come_first(repo: GitRepo, cli: Cli) -> None:
    repo.write("facts/pledges.yml", facts(12))
    base = repo.commit("twelve pledges")
    fixed_then_broken = facts(12).replace("Australia said 12\n", "Australia said twelve\n")
    repo.write("facts/pledges.yml", fixed_then_broken)

    result = cli("check", "--format", "github", "--changed-from", base)

    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    changed_line = fixed_then_broken.splitlines().index("        quote: Australia said twelve") + 1
    lines = [int(re.search(r"line=(\d+),", error)[1]) for error in errors]  # type: ignore[index]
    assert lines[0] == changed_line
    assert lines[1:] == sorted(set(lines) - {changed_line})
    assert len(errors) == 12


def test_job_summary_goes_to_github_step_summary(repo: GitRepo, cli: Cli) -> None:
    """With --format github, $GITHUB_STEP_SUMMARY is appended to, after what was there."""
    repo.write("facts/pledges.yml", facts(1))
    base = repo.commit("one pledge")
    repo.write("facts/pledges.yml", facts(2))
    summary = repo.root / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")

    result = cli(
        "check",
        "--format",
        "github",
        "--changed-from",
        base,
        env={"GITHUB_STEP_SUMMARY": str(summary)},
    )

    assert result.returncode == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## Fact check failed")
    assert "- **added** `fact-02` in `facts/pledges.yml`: Australia pledged aircraft." in text


def test_a_bad_base_revision_cannot_run(repo: GitRepo, cli: Cli) -> None:
    for revision in ("--output=/tmp/x", "no-such-branch"):
        result = cli("check", "--format", "github", "--changed-from", revision)
        assert result.returncode == 2
        assert "--changed-from" in result.stderr


def test_markdown_escape_keeps_messages_as_text() -> None:
    assert escape("a | b") == "a \\| b"
    assert escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;"
    assert escape("*not* [a](link) `code`\nnext") == "\\*not\\* \\[a\\](link) \\`code\\` next"


def test_changed_lines_are_read_from_unified_zero_hunks() -> None:
    diff = (
        "diff --git a/facts/a.yml b/facts/a.yml\n--- a/facts/a.yml\n+++ b/facts/a.yml\n"
        "@@ -3 +3,2 @@\n-x\n+y\n+z\n@@ -10,2 +11,0 @@\n-gone\n-gone\n"
        "--- a/facts/old.yml\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
    )
    assert parse_changed_lines(diff) == {"facts/a.yml": {3, 4}}
