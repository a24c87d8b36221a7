"""Keys, values and file names quoted in messages cannot forge report lines or drive a terminal.

YAML escapes (`"\\n"`, `"\\e"`, `"\\u2028"`) put line breaks and control characters in keys and
values that the raw-text checks never see; a percent-escape does the same in a tag. Every one
of them must be escaped where a message quotes it.
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from .workspace import Workspace

FORGED = "::warning file=facts/good.yml,line=1::all clear"
HOSTILE = f"""\
facts:
  - id: "Bad\\e[2J\\nid"
    "q\\nuote\\r\\n{FORGED}\\e]8;;http://evil\\a": 1
    countries: [AU]
    topic: "\\e[31mred"
    claim: claim
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
        values: {{"air\\ncraft": "8\\n{FORGED}"}}
"\\u2028{FORGED}": 1
"dup\\x85": 1
"dup\\x85": 2
"""
TEXT_LINE = re.compile(r"^facts/.+?:\d+:\d+: (error|warning)\[[a-z-]+\] ")
GITHUB_LINE = re.compile(r"^::(error|warning|notice) ")


def unprintable(text: str) -> list[str]:
    return [
        char
        for char in text
        if char != "\n" and unicodedata.category(char)[0] in "CZ" and char != " "
    ]


@pytest.mark.parametrize("name", ["hostile.yml", "new\nline::error::x.yml", "esc\x1b[2J.yml"])
def test_text_report_keeps_one_line_a_diagnostic(name: str, workspace: Workspace) -> None:
    workspace.write(f"facts/{name}", HOSTILE)
    completed = workspace.cli("--format", "text")
    assert completed.returncode == 1
    lines = completed.stdout.splitlines()
    assert len(lines) >= 7
    assert all(TEXT_LINE.match(line) for line in lines[:-1]), lines
    assert lines[-1].startswith("Checked ")
    assert unprintable(completed.stdout) == []


def test_github_report_has_no_forged_command(workspace: Workspace) -> None:
    workspace.write("facts/hostile.yml", HOSTILE)
    completed = workspace.cli("--format", "github")
    assert completed.returncode == 1
    lines = completed.stdout.splitlines()
    assert all(GITHUB_LINE.match(line) for line in lines[:-1]), lines
    assert not any(line.startswith("::warning file=facts/good.yml") for line in lines)
    assert unprintable(completed.stdout) == []


def test_a_percent_escaped_tag_is_shown_escaped(workspace: Workspace) -> None:
    workspace.write("facts/tag.yml", "facts:\n  - !<tag:x%0A::error::forged%1B> {}\n")
    completed = workspace.cli("--format", "text")
    lines = completed.stdout.splitlines()
    assert all(TEXT_LINE.match(line) for line in lines[:-1]), lines
    assert "tag:x\\n::error::forged\\x1b" in completed.stdout
