"""Reading fact files and changed lines from git, with list arguments and never a shell."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from generator.check.pipeline import load_facts, read_facts
from generator.load.factbase import FactBase

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


class GitError(Exception):
    """git could not answer (not a repository, unknown revision): the command cannot run."""


def git(*args: str) -> bytes:
    """The output of `git ARGS...` in the current directory, or GitError with git's words."""
    try:
        completed = subprocess.run(["git", *args], capture_output=True, check=False, timeout=120)
    except OSError as error:
        raise GitError(f"cannot run git: {error.strerror}") from None
    if completed.returncode != 0:
        message = completed.stderr.decode("utf-8", "replace").strip()
        raise GitError(message or f"git {args[0]} failed")
    return completed.stdout


def commit_of(revision: str) -> str:
    """The commit a revision names; refuses option-like text before git sees it."""
    if not revision or revision.startswith("-") or any(c.isspace() for c in revision):
        raise GitError(f"'{revision}' is not a revision; give a branch, tag or commit")
    output = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}")
    return output.decode().strip()


def factbase_at(revision: str | None, facts_dir: Path) -> FactBase:
    """The fact base of `facts_dir` at a revision, or in the working tree when it is None."""
    if revision is None:
        return load_facts(read_facts(facts_dir))
    commit = commit_of(revision)
    listing = git("ls-tree", "-r", "-z", "--name-only", commit, "--", f"{facts_dir}/")
    names = [name for name in listing.decode().split("\0") if name.endswith(".yml")]
    files = {name: git("show", f"{commit}:./{name}") for name in names}
    return load_facts(sorted(files.items()))


def changed_lines(revision: str) -> dict[str, set[int]]:
    """Lines of the working tree that differ from `revision`, by path relative to here."""
    commit = commit_of(revision)
    output = git("diff", "--unified=0", "--no-color", "--no-ext-diff", "--relative", commit)
    return parse_changed_lines(output.decode("utf-8", "replace"))


def parse_changed_lines(diff: str) -> dict[str, set[int]]:
    """The added or changed lines of each file of a `git diff --unified=0`."""
    changed: dict[str, set[int]] = {}
    current: set[int] | None = None
    for line in diff.splitlines():
        if line.startswith("+++ "):
            target = line[4:]
            current = None if target == "/dev/null" else changed.setdefault(target[2:], set())
        elif current is not None and (hunk := _HUNK.match(line)):
            start, count = int(hunk.group(1)), int(hunk.group(2) or "1")
            current.update(range(start, start + count))
    return changed
