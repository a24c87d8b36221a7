"""Every command is in the README, and every command's --help runs (sqlite-utils' test_docs)."""

from __future__ import annotations

import argparse
import subprocess
import sys

import pytest

from generator.cli import build_parser

from .conftest import REPO_ROOT


def subcommands() -> list[str]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return sorted(action.choices)


def cli_section() -> str:
    """The README from its checker section to its Layout section."""
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    return readme[readme.index("## The checker") : readme.index("## Layout")]


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
def test_every_command_is_in_the_readme(name: str) -> None:
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
