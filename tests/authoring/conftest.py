"""A real git repository in tmp_path holding a copy of the corpus and some fact files."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import CliRun, RunCli

REPO_ROOT = Path(__file__).resolve().parents[2]

COUNTRIES = """\
countries:
  - code: AU
    name: Australia
    aliases: [Australian]
  - code: FR
    name: France
    aliases: [French]
"""


@dataclass(frozen=True)
class GitRepo:
    root: Path

    def git(self, *args: str) -> str:
        env = {
            **os.environ,
            "GIT_AUTHOR_NAME": "Curator",
            "GIT_AUTHOR_EMAIL": "curator@example.invalid",
            "GIT_COMMITTER_NAME": "Curator",
            "GIT_COMMITTER_EMAIL": "curator@example.invalid",
            "GIT_CONFIG_GLOBAL": os.devnull,
            "GIT_CONFIG_NOSYSTEM": "1",
        }
        completed = subprocess.run(
            ["git", *args], cwd=self.root, env=env, capture_output=True, text=True, check=True
        )
        return completed.stdout

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return path

    def commit(self, message: str) -> str:
        self.git("add", "-A")
        self.git("commit", "--quiet", "--no-gpg-sign", "-m", message)
        return self.git("rev-parse", "HEAD").strip()


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    """A git repository with the real corpus and two countries, committed once."""
    root = tmp_path / "repo"
    shutil.copytree(REPO_ROOT / "corpus", root / "corpus")
    created = GitRepo(root)
    created.git("init", "--quiet", "--initial-branch=main")
    created.write("facts/countries.yml", COUNTRIES)
    created.commit("corpus and countries")
    return created


Cli = RunCli


@pytest.fixture
def cli(repo: GitRepo, run_cli: RunCli) -> Cli:
    """Run `python -m generator ARGS...` for real in the repository, with extra `env`."""

    def run(*args: str, env: dict[str, str] | None = None) -> CliRun:
        return run_cli(*args, cwd=repo.root, env=env)

    return run
