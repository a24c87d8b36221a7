"""Shared fixtures: the repository, the real command line run on tmp_path, headless Chromium."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser

REPO_ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")  # Debian's: `make test` installs it with apt-get as root
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


#: What a run of the command line gave: returncode, stdout and stderr (text).
CliRun = subprocess.CompletedProcess[str]
RunCli = Callable[..., CliRun]


def run_generator(
    *args: str, cwd: Path, env: dict[str, str] | None = None, timeout: float = 120
) -> CliRun:
    """`python -m generator ARGS...` for real, in `cwd`: the one way the tests run the command
    line. GitHub's own variables are removed, so a test run in CI never writes the job
    summary; `env` adds to the rest."""
    base = {name: value for name, value in os.environ.items() if not name.startswith("GITHUB_")}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository checkout (holds the real corpus/ and facts/)."""
    return REPO_ROOT


@pytest.fixture(scope="session", autouse=True)
def user_cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The cache secret (`$XDG_CACHE_HOME/factsheet/secret`) of a throwaway user, not yours."""
    folder = tmp_path_factory.mktemp("xdg-cache")
    before = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield folder
    if before is None:
        del os.environ["XDG_CACHE_HOME"]
    else:
        os.environ["XDG_CACHE_HOME"] = before


@pytest.fixture
def run_cli(tmp_path: Path) -> RunCli:
    """Run `python -m generator ARGS...` for real, in tmp_path (or `cwd=`), with extra `env`."""

    def run(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> CliRun:
        return run_generator(*args, cwd=cwd or tmp_path, env=env)

    return run


@pytest.fixture(scope="session")
def chromium() -> Iterator[Browser]:
    """Headless Chromium driven by Playwright, one for the session. Without it the browser tests
    fail, saying how to install it: they never skip silently (CI installs it; `make test` too,
    as root)."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"the browser tests need Chromium at {CHROMIUM} (Debian's 'chromium' package): "
            "install it with `sudo apt-get install chromium`",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright  # only the browser tests pay for the import

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
