"""Code and trusted inputs have a code owner; untrusted fact files do not need one."""

from __future__ import annotations

import pytest

from .workspace import REPO_ROOT

OWNER = "@factsheet/maintainers"
TRUSTED = [
    "mkdocs.yml",
    "generator/check/pipeline.py",
    "generator/site/templates/base.html",
    "corpus/sources.yml",
    ".github/workflows/pr.yml",
]


def owners_of(path: str) -> list[str]:
    """The owners of `path` by the last matching rule (the CODEOWNERS rule), for anchored paths."""
    found: list[str] = []
    lines = (REPO_ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines()
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *owners = line.split()
        assert pattern.startswith("/"), f"anchor every rule to the root: {pattern}"
        prefix = pattern[1:]
        if path == prefix or (prefix.endswith("/") and path.startswith(prefix)):
            found = owners
    return found


@pytest.mark.parametrize("path", TRUSTED)
def test_trusted_paths_are_owned_by_the_maintainers(path: str) -> None:
    assert owners_of(path) == [OWNER]


def test_fact_files_are_not_owned() -> None:
    assert owners_of("facts/military.yml") == []
