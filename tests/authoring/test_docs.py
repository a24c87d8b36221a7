"""The documentation belongs to the repository and tells the truth: every command and every
diagnostic code is in the reference (docs/reference/), every command's --help runs
(sqlite-utils' test_docs), the README is a short front door whose links stay inside the
repository, and the changelog's version is the package's."""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tomllib

import pytest

from generator.cli import build_parser
from generator.diagnostics import CODES

from .conftest import REPO_ROOT


def subcommands() -> list[str]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


REFERENCE = REPO_ROOT / "docs" / "reference"
README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")


def cli_section() -> str:
    """The reference page of the commands."""
    return (REFERENCE / "commands.md").read_text(encoding="utf-8")


def test_the_commands_are_the_ones_documented_below() -> None:
    assert subcommands() == [
        "add",
        "audit",
        "check",
        "diff",
        "export-docs",
        "fix",
        "quote",
        "schema",
    ]


@pytest.mark.parametrize("name", subcommands())
def test_every_command_is_in_the_reference(name: str) -> None:
    assert f"python -m generator {name}" in cli_section()


@pytest.mark.parametrize("name", subcommands())
def test_every_command_has_help_with_examples_and_exit_status(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", name, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert f"usage: python -m generator {name}" in result.stdout
    assert "examples:" in result.stdout and "exit status:" in result.stdout


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_diagnostic_code_is_in_the_reference(code: str) -> None:
    page = (REFERENCE / "diagnostics.md").read_text(encoding="utf-8")
    assert f"| `{code}` |" in page


def test_the_reference_is_in_the_site_navigation() -> None:
    config = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted(REFERENCE.glob("*.md")):
        assert f"reference/{page.name}" in config


def test_the_readme_is_a_short_front_door() -> None:
    assert len(README.splitlines()) <= 150
    assert "make site" in README and "make test" in README


@pytest.mark.parametrize("name", ["README.md", "CONTRIBUTING.md", "SECURITY.md"])
def test_links_stay_in_the_repository_and_resolve(name: str) -> None:
    text = (REPO_ROOT / name).read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)\s]+)\)", text)
    assert links or name == "SECURITY.md"
    for link in links:
        target = link.split("#")[0]
        assert "://" not in link, f"{name} links outside the repository: {link}"
        resolved = (REPO_ROOT / target).resolve()
        assert REPO_ROOT.resolve() in resolved.parents, f"{name}: {link} leaves the repository"
        assert resolved.exists(), f"{name}: {link} does not exist"


def test_the_changelog_version_is_the_packages() -> None:
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    changelog = (REPO_ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    latest = re.search(r"^## \[(\d+\.\d+\.\d+)\]", changelog, re.MULTILINE)
    assert latest is not None
    assert latest.group(1) == project["project"]["version"]
