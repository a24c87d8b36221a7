"""Every value a message quotes is escaped, in every report format: no line can be forged.

The characters are generated, not listed by hand: every code point that ends a line for
Python's `str.splitlines` (so for most line-based readers), every other control and format
character of the Basic Multilingual Plane, and the Unicode line and paragraph separators. Each
is put into the file name, the message and the id of a diagnostic, and into a country name that
a real check quotes back; the text, GitHub, JSON and job-summary reports must keep one line a
diagnostic and print none of them raw.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from generator.diagnostics import Diagnostic
from generator.report import REPORTER_BY_NAME
from generator.result import Outcome, Summary

from .workspace import Workspace

FORGED = "::error file=facts/good.yml,line=1::forged"


def line_breakers() -> list[str]:
    """Every BMP character that splits a line, and every control or format character."""
    return [
        char
        for char in map(chr, range(0x10000))
        if len(f"a{char}b".splitlines()) > 1
        or unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}
    ]


def raw_unprintable(text: str) -> list[str]:
    return [char for char in text if char != "\n" and not char.isprintable()]


def hostile_outcome() -> Outcome:
    diagnostics = [
        Diagnostic(f"facts/x{char}.yml", 1, 1, "schema", f"bad{char}{FORGED}", f"id{char}x")
        for char in line_breakers()
    ]
    summary = Summary(5, 1, 0, 0, 0, 0, len(diagnostics), 0)
    return Outcome(diagnostics, summary)


def test_the_generated_characters_cover_every_line_separator() -> None:
    found = set(line_breakers())
    assert set("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029") <= found
    assert len(found) > 100


def test_text_and_github_reports_keep_one_line_a_diagnostic() -> None:
    outcome = hostile_outcome()
    count = len(outcome.diagnostics)
    text = REPORTER_BY_NAME["text"](outcome)
    assert len(text.splitlines()) == count + 1
    assert raw_unprintable(text) == []
    github = REPORTER_BY_NAME["github"](outcome)
    lines = github.splitlines()
    assert sum(line.startswith("::error ") for line in lines) == count
    assert not any(line.startswith("::error file=facts/good.yml") for line in lines)
    assert raw_unprintable(github) == []


def test_json_report_holds_no_raw_line_separator() -> None:
    report = REPORTER_BY_NAME["json"](hostile_outcome())
    assert raw_unprintable(report) == []
    for item in json.loads(report)["diagnostics"]:
        for name in ("file", "message", "id"):
            assert item[name].isprintable()


def test_job_summary_keeps_one_table_row_a_diagnostic() -> None:
    from generator.authoring.summary import render

    outcome = hostile_outcome()
    markdown = render(outcome)
    rows = [line for line in markdown.splitlines() if line.startswith("| `facts/")]
    assert len(rows) == len(outcome.diagnostics)
    assert raw_unprintable(markdown) == []


NAMED = """\
countries:
  - code: FR
    name: "France{char}{forged}"
facts:
  - id: fr-not-named
    countries: [FR]
    topic: military
    claim: A fact whose quote does not name France.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""
TEXT_LINE = re.compile(r"^(?:facts|corpus)/.+?:\d+:\d+: (error|warning)\[[a-z-]+\] ")


def test_a_checked_name_with_any_line_break_stays_on_its_line(
    workspace: Workspace, tmp_path: Path
) -> None:
    breakers = ["\\n", "\\r", "\\L", "\\P", "\\N", "\\v", "\\f", "\\x1c", "\\e"]
    for index, char in enumerate(breakers):
        workspace.write(f"facts/named{index}.yml", NAMED.format(char=char, forged=FORGED))
    summary = tmp_path / "summary.md"
    for output in ("text", "github", "json"):
        completed = workspace.cli("--format", output, "--summary", str(summary))
        assert completed.returncode == 1
        assert raw_unprintable(completed.stdout) == []
        lines = completed.stdout.splitlines()
        if output == "text":
            assert all(TEXT_LINE.match(line) for line in lines[:-1]), lines
        if output == "github":
            assert not any(line.startswith("::error file=facts/good.yml,line=1") for line in lines)
    assert raw_unprintable(summary.read_text(encoding="utf-8")) == []
