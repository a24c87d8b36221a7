"""A YAML syntax error names its likely cause and the fix, not only libyaml's words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from generator.check.pipeline import run_check

from .conftest import REPO_ROOT

HEAD = "facts:\n  - id: au-pledge\n    countries: [AU]\n    topic: military\n"

#: A curator's mistake (the lines after HEAD), the line of the error, and the advice it gets.
MISTAKES = {
    "a colon inside an unquoted value": (
        "    claim: Australia said: eight aircraft\n",
        5,
        "the value of 'claim' holds ': ': put the whole value in single quotes",
    ),
    "a comment sign inside a flow list": (
        "    event: [paris #2]\n",
        6,
        "' #' starts a comment, which hides the rest of line 5 and its closing ']': put the "
        "value holding '#' in quotes",
    ),
    "a comment sign inside a value that goes on": (
        "    claim: Australia is the #1\n      donor of aid.\n",
        6,
        "' #' on line 5 starts a comment, which ends the value of 'claim' there, so this line "
        "cannot go on with it: put the whole value in single quotes",
    ),
    "a key indented too far": (
        "     claim: Australia pledged aircraft.\n",
        5,
        "'claim:' starts in column 6 but 'topic:' on line 4 in column 5: keys of one entry "
        "line up; indent it with spaces to column 5",
    ),
    "a key not indented enough": (
        "   claim: Australia pledged aircraft.\n",
        5,
        "'claim:' starts in column 4 but 'topic:' on line 4 in column 5",
    ),
    "an unclosed quote": (
        "    claim: 'Australia pledged aircraft.\n    sources: []\n",
        7,
        "the quote opened on line 5 is never closed: end the value with the same quote mark",
    ),
    "an unclosed bracket": (
        "    countries: [AU, FR\n    claim: Australia pledged aircraft.\n",
        6,
        "the '[' opened on line 5 is not closed: end it with ']' on the same line",
    ),
    "an apostrophe inside single quotes": (
        "    claim: 'Australia's pledge'\n",
        5,
        "the value starts with ', so it ends at the next ': to keep a ' inside the value, "
        "double it ('')",
    ),
    "a tab": ("\tclaim: Australia pledged aircraft.\n", 5, "tab character"),
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO_ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "facts").mkdir()
    return tmp_path


@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda name: name.replace(" ", "-"))
def test_each_common_cause_of_a_yaml_error_gets_its_fix(project: Path, mistake: str) -> None:
    lines, line, advice = MISTAKES[mistake]
    (project / "facts" / "pledge.yml").write_text(HEAD + lines, encoding="utf-8")
    cwd = Path.cwd()
    os.chdir(project)
    try:
        result = run_check(Path("corpus"), Path("facts"))
    finally:
        os.chdir(cwd)

    (diagnostic,) = result.diagnostics
    assert (diagnostic.code, diagnostic.line) == ("yaml-syntax", line)
    assert advice in diagnostic.message
