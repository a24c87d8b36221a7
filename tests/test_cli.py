"""`python -m generator check`, run for real on files written to tmp_path."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.conftest import RunCli

COUNTRIES = """\
countries:
  - code: AU
    name: Australia
  - code: FR
    name: France
"""

# Line 8 holds a misquote ('nine'), line 15 a quote naming no country of its fact (a warning).
FACTS = """\
facts:
  - id: au-aircraft
    countries: [AU]
    topic: military
    claim: Australia would provide nine aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide nine aircraft and 600 personnel
  - id: fr-aircraft
    countries: [FR]
    topic: military
    claim: France would provide aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel
"""

WARNING_ONLY = FACTS.replace("nine aircraft", "eight aircraft")
TEXT_LINE = re.compile(r"^(?P<file>[^:]+):\d+:\d+: (error|warning)\[(?P<code>[a-z-]+)\] \S.*$")


@pytest.fixture
def workspace(tmp_path: Path, repo_root: Path) -> Path:
    """tmp_path with a copy of the real corpus and an empty facts/ folder."""
    shutil.copytree(repo_root / "corpus", tmp_path / "corpus")
    (tmp_path / "facts").mkdir()
    write(tmp_path, "countries.yml", COUNTRIES)
    return tmp_path


def write(root: Path, name: str, text: str) -> None:
    path = root / "facts" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_text_format(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "facts.yml", FACTS)
    result = run_cli("check")
    assert result.returncode == 1
    *lines, summary = result.stdout.splitlines()
    assert lines[0].startswith("facts/facts.yml:8:16: error[quote-not-found] quote not found")
    assert "'nine' → 'eight'" in lines[0]
    assert lines[1].startswith("facts/facts.yml:10:5: warning[country-not-mentioned] ")
    assert all(TEXT_LINE.match(line) for line in lines)
    assert len(lines) == 2
    assert summary == (
        "Checked 2 facts, 0 events and 2 countries against 5 documents: "
        "1 of 2 quotes verified; 1 error, 1 warning."
    )
    assert result.stderr == ""


def test_a_clean_check_prints_what_was_checked(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "facts.yml", WARNING_ONLY.replace("countries: [FR]", "countries: [AU]"))
    result = run_cli("check")
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "Checked 2 facts, 0 events and 2 countries against 5 documents: "
        "2 of 2 quotes verified; 0 errors, 0 warnings."
    ]


def test_json_format(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "facts.yml", FACTS)
    result = run_cli("check", "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert list(report) == ["summary", "diagnostics"]
    assert report["summary"] == {
        "documents": 5,
        "countries": 2,
        "events": 0,
        "facts": 2,
        "quotes": 2,
        "quotes_verified": 1,
        "errors": 1,
        "warnings": 1,
        "files_not_read": 0,
        "facts_not_read": 0,
    }
    first, second = report["diagnostics"]
    assert list(first) == ["severity", "code", "file", "line", "column", "id", "message"]
    assert {key: value for key, value in first.items() if key != "message"} == {
        "severity": "error",
        "code": "quote-not-found",
        "file": "facts/facts.yml",
        "line": 8,
        "column": 16,
        "id": "au-aircraft",
    }
    assert "'nine' → 'eight'" in first["message"]
    assert (second["severity"], second["code"], second["id"]) == (
        "warning",
        "country-not-mentioned",
        "fr-aircraft",
    )


def test_json_id_is_null_where_there_is_none(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "broken.yml", "facts: [\n")
    report = json.loads(run_cli("check", "--format", "json").stdout)
    assert [(item["code"], item["id"]) for item in report["diagnostics"]] == [("yaml-syntax", None)]


def test_github_format(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "facts.yml", FACTS)
    result = run_cli("check", "--format", "github")
    assert result.returncode == 1
    error, warning = result.stdout.splitlines()[:2]
    assert error.startswith(
        "::error file=facts/facts.yml,line=8,col=16,title=quote-not-found::quote not found in "
    )
    assert "'nine' → 'eight'" in error
    assert warning.startswith(
        "::warning file=facts/facts.yml,line=10,col=5,title=country-not-mentioned::none of "
    )


def test_strict_fails_on_warnings(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "facts.yml", WARNING_ONLY)
    relaxed, strict = run_cli("check"), run_cli("check", "--strict")
    assert relaxed.returncode == 0
    assert strict.returncode == 1
    assert "warning[country-not-mentioned]" in relaxed.stdout
    assert relaxed.stdout == strict.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("check", "--facts", "nowhere"),
        ("check", "--corpus", "nowhere"),
        ("check", "--facts", "corpus/sources.yml"),
        ("check", "--format", "xml"),
        ("check", "--bogus"),
        ("check", "--jobs", "0"),
        ("check", "--jobs", "many"),
        ("frobnicate",),
    ],
)
def test_exit_2_when_the_command_cannot_run(
    workspace: Path, run_cli: RunCli, args: tuple[str, ...]
) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "error" in result.stderr


def test_exit_2_without_the_default_folders(tmp_path: Path, run_cli: RunCli) -> None:
    result = run_cli("check")
    assert result.returncode == 2
    assert "corpus" in result.stderr


def test_help_documents_the_exit_codes(run_cli: RunCli) -> None:
    result = run_cli("check", "--help")
    assert result.returncode == 0
    for option in ("--corpus", "--facts", "--format", "--strict", "--cache-dir", "--jobs"):
        assert option in result.stdout
    codes = re.findall(r"^\s+([012])\s+\S", result.stdout, re.MULTILINE)
    assert codes == ["0", "1", "2"]


def test_order_is_file_line_column_and_stable(workspace: Path, run_cli: RunCli) -> None:
    # Each file: an unknown country (3:17), a short quote (8:16), then a fact whose country its
    # quote does not name (10:5) with a short quote (15:16). Written out of order on purpose.
    fact = "  - id: f{n}\n    countries: [{code}]\n    topic: other\n    claim: x\n    sources:\n"
    short = "      - doc: 001_45c1c8414a270103\n        quote: too short\n"
    for n, name in enumerate(("b.yml", "a.yml", "sub/a.yml", "c.yml")):
        unknown, known = fact.format(n=2 * n, code="XX"), fact.format(n=2 * n + 1, code="AU")
        write(workspace, name, f"facts:\n{unknown}{short}{known}{short}")
    run, rerun = run_cli("check"), run_cli("check")
    assert run.stdout == rerun.stdout
    places = [line.split(": ")[0] for line in run.stdout.splitlines()[:-1]]
    assert places == [
        f"facts/{name}:{place}"
        for name in ("a.yml", "b.yml", "c.yml", "sub/a.yml")
        for place in ("3:17", "8:16", "10:5", "15:16")
    ]


def test_one_broken_file_does_not_stop_the_others(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "a-broken.yml", "facts:\n  - id: x\n    topic: [military\n")
    write(workspace, "facts.yml", FACTS)
    result = run_cli("check")
    matches = [TEXT_LINE.fullmatch(line) for line in result.stdout.splitlines()[:-1]]
    assert [(match["file"], match["code"]) if match else None for match in matches] == [
        ("facts/a-broken.yml", "yaml-syntax"),
        ("facts/facts.yml", "quote-not-found"),
        ("facts/facts.yml", "country-not-mentioned"),
    ]
    assert "Checked 2 facts" in result.stdout.splitlines()[-1]


def test_paths_are_relative_to_the_current_directory(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "facts.yml", FACTS)
    (workspace / "elsewhere").mkdir()
    result = run_cli(
        "check", "--corpus", str(workspace / "corpus"), "--facts", "../facts", "--allow-outside",
        cwd=workspace / "elsewhere",
    )  # fmt: skip
    assert result.stdout.startswith("../facts/facts.yml:8:16: error[quote-not-found]")


def test_github_format_escapes_properties(workspace: Path, run_cli: RunCli) -> None:
    write(workspace, "a,b: c.yml", "facts: [\n")
    result = run_cli("check", "--format", "github")
    assert result.stdout.startswith(
        "::error file=facts/a%2Cb%3A c.yml,line=2,col=1,title=yaml-syntax::"
    )
