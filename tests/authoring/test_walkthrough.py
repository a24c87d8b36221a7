""" "How to add a fact" shows real output: its walkthrough is run again here, and must match.

The page marks what to do with HTML comments (invisible on the site), each before a fenced
block: `<!-- file: PATH -->` writes the block to PATH, `<!-- run -->` runs each `$ ` command of
the block and compares what it prints (stdout, then stderr) with the lines below it. Bare
markers: `<!-- delete: PATH -->` removes a file, `<!-- base -->` commits everything so far as
`origin/main`. The commands run in a git repository holding the real corpus and the page's
files alone.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .conftest import REPO_ROOT

if TYPE_CHECKING:
    from .conftest import GitRepo

PAGE = REPO_ROOT / "docs" / "how-to-add-a-fact.md"
_STEP = re.compile(
    r"<!-- (?P<kind>file|run|delete|base)(?:: (?P<path>\S+))? -->\n"
    r"(?:\n*```[a-z]*\n(?P<block>.*?)\n```)?",
    re.DOTALL,
)


@dataclass(frozen=True)
class Step:
    kind: str
    path: str | None
    block: str | None


def steps(page: str) -> list[Step]:
    found = [Step(m["kind"], m["path"], m["block"]) for m in _STEP.finditer(page)]
    for step in found:
        assert (step.block is None) == (step.kind in ("delete", "base")), step
    return found


def commands(block: str) -> list[tuple[str, str]]:
    """Each `$ command` of a console block with the output shown below it."""
    parts = re.split(r"^\$ (.*)\n?", block, flags=re.MULTILINE)
    assert parts[0] == "", f"a console block starts with a command: {block[:60]!r}"
    return [(parts[i], parts[i + 1]) for i in range(1, len(parts), 2)]


def run(repo: GitRepo, command: str) -> str:
    words = shlex.split(command)
    assert words[:3] == ["python", "-m", "generator"], command
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_") and k != "CI"}
    completed = subprocess.run(
        [sys.executable, *words[1:]],
        cwd=repo.root,
        env={**env, "COLUMNS": "100"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return completed.stdout + completed.stderr


def test_the_page_has_the_three_walkthroughs() -> None:
    page = PAGE.read_text(encoding="utf-8")
    runs = [step.block or "" for step in steps(page) if step.kind == "run"]
    shown = "\n".join(runs)
    assert "error[quote-not-found]" in shown and "$ python -m generator fix" in shown
    assert "error[yaml-syntax]" in shown
    assert "$ python -m generator diff origin/main" in shown


def test_every_output_on_the_page_is_what_the_command_prints(repo: GitRepo) -> None:
    """With UPDATE_WALKTHROUGH=1 the page is rewritten with what the commands print instead
    (then read the diff: the page's prose must still say what the output shows)."""
    (repo.root / "facts" / "countries.yml").unlink()
    page = PAGE.read_text(encoding="utf-8")
    updated = page
    for step in steps(page):
        if step.kind == "file":
            assert step.path and step.block is not None
            repo.write(step.path, step.block + "\n")
        elif step.kind == "delete":
            assert step.path
            (repo.root / step.path).unlink()
        elif step.kind == "base":
            repo.commit("the base of the pull request")
            repo.git("update-ref", "refs/remotes/origin/main", "HEAD")
        else:
            assert step.block is not None
            printed = [(command, run(repo, command)) for command, _ in commands(step.block)]
            if os.environ.get("UPDATE_WALKTHROUGH"):
                block = "".join(f"$ {command}\n{output}" for command, output in printed)
                updated = updated.replace(step.block, block.rstrip("\n"), 1)
                continue
            for (command, output), (_, shown) in zip(printed, commands(step.block), strict=True):
                assert output.rstrip("\n") == shown.rstrip("\n"), command
    if updated != page:
        PAGE.write_text(updated, encoding="utf-8")
