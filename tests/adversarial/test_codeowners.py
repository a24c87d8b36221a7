"""Every path that runs code, or is trusted, has a code owner; untrusted fact files do not.

The paths are computed from the tree, not listed: every file git tracks outside facts/, every
file that runs code (Python, executables, the Makefile, the workflows and pre-commit hooks,
the configuration), and paths a pull request could add (a force-added .cache/, a new folder).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from .workspace import REPO_ROOT

OWNER = "@factsheet/maintainers"
#: Where untrusted input lives, and only there.
UNTRUSTED = "facts/"
#: Names and suffixes of files that run commands or code, or steer a tool, when it reads them
#: (a JSON Schema tells editors what to fetch and accept).
CODE_NAMES = {"Makefile", "conftest.py", ".pre-commit-config.yaml", ".pre-commit-hooks.yaml"}
CODE_SUFFIXES = {".py", ".sh", ".toml", ".cfg", ".ini", ".j2", ".html", ".js", ".json"}
CODE_SUFFIXES |= {".yml", ".yaml"}


def owners_of(path: str) -> list[str]:
    """The owners of `path` by the last matching rule (the CODEOWNERS rule): `*`, or a rule
    anchored at the root naming a file or (ending in /) a folder."""
    found: list[str] = []
    lines = (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert pattern == "*" or pattern.startswith("/"), f"anchor every rule: {pattern}"
        prefix = pattern[1:]
        if pattern == "*" or path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
            found = owners
    return found


def tracked() -> list[str]:
    listing = subprocess.run(
        ["git", "ls-files", "-z"], cwd=REPO_ROOT, capture_output=True, check=True
    ).stdout.decode()
    return [path for path in listing.split("\0") if path]


def runs_code(path: str) -> bool:
    name = Path(path).name
    executable = os.access(REPO_ROOT / path, os.X_OK)
    return name in CODE_NAMES or Path(path).suffix in CODE_SUFFIXES or executable


def code_paths() -> list[str]:
    """Every tracked file that runs code (fact files aside: YAML there is data)."""
    return [path for path in tracked() if runs_code(path) and not path.startswith(UNTRUSTED)]


def test_the_computed_code_paths_include_what_was_missed() -> None:
    paths = code_paths()
    for expected in (".pre-commit-config.yaml", ".pre-commit-hooks.yaml", ".ci/run"):
        assert expected in paths
    for folder in ("tests/", "bench/", "generator/", ".github/", "schema/"):
        assert any(path.startswith(folder) for path in paths), folder


def test_every_path_that_runs_code_is_owned() -> None:
    unowned = [path for path in code_paths() if owners_of(path) != [OWNER]]
    assert unowned == []


def test_every_tracked_path_but_the_facts_is_owned() -> None:
    unowned = [
        path for path in tracked() if not path.startswith(UNTRUSTED) and owners_of(path) != [OWNER]
    ]
    assert unowned == []


@pytest.mark.parametrize(
    "path", [".cache/factsheet/entry.marshal", "tools/new.py", "facts.py", "sitecustomize.py"]
)
def test_paths_a_pull_request_could_add_are_owned(path: str) -> None:
    assert owners_of(path) == [OWNER]


@pytest.mark.parametrize("path", ["facts/military.yml", "facts/australia/pledges.yml"])
def test_fact_files_are_not_owned(path: str) -> None:
    assert owners_of(path) == []
