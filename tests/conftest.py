"""Shared fixtures: where the repository is, and the real command line run on tmp_path."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class CliRun:
    exit_code: int
    stdout: str
    stderr: str


RunCli = Callable[..., CliRun]


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout (holds the real corpus/ and facts/)."""
    return REPO_ROOT


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run `python -m generator ARGS...` for real, in tmp_path (or `cwd=`)."""

    # The job summary of a real CI run must not receive the tests' own output.
    env = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}

    def run(*args: str, cwd: Path | None = None) -> CliRun:
        completed = subprocess.run(
            [sys.executable, "-m", "generator", *args],
            cwd=cwd or tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        return CliRun(completed.returncode, completed.stdout, completed.stderr)

    return run
