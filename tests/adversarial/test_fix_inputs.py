"""`fix` on files the checker accepts: it never crashes, and it rewrites only the file it checked.

A byte order mark at the start of a line mid-file is skipped by libyaml (the checker's parser)
but read as a value by PyYAML's pure-Python parser, which `fix` uses for its character offsets.
A file name holding a line break is shown escaped (`\\n`); opening the escaped name would open
another file, one literally named so, and `fix --write` would rewrite it.
"""

from __future__ import annotations

import subprocess
import sys

from .workspace import Workspace

TYPO = "Australia said it would provide eight aircraft and 600 personel to help combat IS."
RIGHT = "Australia said it would provide eight aircraft and 600 personnel to help combat IS."
OTHER = "France announced it had begun reconnaissance missions over Iraq on Monday"

FACT = """\
facts:
  - id: {ident}
    countries: [AU]
    topic: military
    claim: Australia pledged eight aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: {quote}
"""


def fix(workspace: Workspace, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "fix", *args]
    return subprocess.run(
        command, cwd=workspace.root, capture_output=True, text=True, timeout=60, check=False
    )


def test_a_bom_at_a_line_start_mid_file_is_fixed_around(workspace: Workspace) -> None:
    text = FACT.format(ident="au-typo", quote=TYPO) + "\ufeff# a comment after a stray BOM\n"
    path = workspace.write("facts/bom.yml", text)
    assert [code for _, code in workspace.check().at("facts/bom.yml")] == ["quote-not-found"]

    result = fix(workspace, "--write")

    assert (result.returncode, "Traceback" in result.stderr) == (0, False), result.stderr
    assert "1 fix applied" in result.stderr
    assert path.read_text(encoding="utf-8") == text.replace(TYPO, RIGHT)


def test_fix_never_opens_the_escaped_name_of_a_file(workspace: Workspace) -> None:
    """`facts/typo\\n.yml` (a line break) is shown as `facts/typo\\\\n.yml`: the file of that
    very name, whose quote sits at the same place, must not be rewritten."""
    broken = FACT.format(ident="au-typo", quote=TYPO)
    victim = FACT.format(ident="fr-flights", quote=OTHER)
    workspace.write("facts/typo\n.yml", broken)
    decoy = workspace.write("facts/typo\\n.yml", victim)

    result = fix(workspace, "--write")

    assert "Traceback" not in result.stderr
    assert decoy.read_text(encoding="utf-8") == victim
    assert "left as it was: 2 files are named so once escaped" in result.stderr


def test_a_file_with_a_line_break_in_its_name_is_fixed_by_its_real_path(
    workspace: Workspace,
) -> None:
    path = workspace.write("facts/typo\n.yml", FACT.format(ident="au-typo", quote=TYPO))

    result = fix(workspace, "--write")

    assert result.returncode == 0, result.stderr
    assert path.read_text(encoding="utf-8") == FACT.format(ident="au-typo", quote=RIGHT)
    assert "+++ b/facts/typo\\n.yml" in result.stdout  # shown escaped, on one line
