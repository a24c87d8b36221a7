"""A workspace of untrusted input: a copy of the real corpus, one good fact file, bad files beside.

Every bad input is checked next to `facts/good.yml`, whose two quotes must still be verified and
whose one deliberate error must still be reported: a broken file must never hide another.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

import generator.load.yaml
from generator.check.pipeline import run_check
from generator.incremental.project import check_project
from generator.result import CheckResult
from tests.conftest import CliRun, run_generator

REPO_ROOT = Path(__file__).resolve().parents[2]

GOOD_FILE = "facts/good.yml"
GOOD_FACTS = """\
countries:
  - code: AU
    name: Australia
    aliases: [Australian]
facts:
  - id: au-aircraft-pledge
    countries: [AU]
    topic: military
    claim: Australia pledged eight aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
        values: {aircraft: 8}
  - id: au-wrong-value
    countries: [AU]
    topic: military
    claim: A deliberate error that must always be reported.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
        values: {aircraft: 9}
"""
#: Where the deliberate error of the good file is reported.
GOOD_ERROR = (GOOD_FILE, 21, 28, "value-not-in-quote")


@dataclass(frozen=True)
class Outcome:
    """What one in-process check run found, in the shape the JSON report gives."""

    result: CheckResult

    @property
    def exit_code(self) -> int:
        return self.result.exit_code()

    def at(self, file: str) -> list[tuple[int, str]]:
        """(line, code) of every diagnostic in `file`."""
        return [(d.line, d.code) for d in self.result.diagnostics if d.file == file]

    def messages(self, file: str) -> str:
        return "\n".join(d.message for d in self.result.diagnostics if d.file == file)

    def verified_in(self, file: str) -> int:
        quotes = self.result.context.quotes
        return sum(1 for quote in quotes if quote.owner.raw.file == file and quote.verified)


class Workspace:
    """tmp_path holding `corpus/` (a copy of the real one) and `facts/good.yml`."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.corpus = root / "corpus"
        self.facts = root / "facts"
        shutil.copytree(REPO_ROOT / "corpus", self.corpus)
        self.facts.mkdir()
        self.write(GOOD_FILE, GOOD_FACTS)

    def write(self, name: str, content: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        data = content.encode("utf-8") if isinstance(content, str) else content
        path.write_bytes(data)
        return path

    def check(self) -> Outcome:
        """The real checker, in-process, with paths shown relative to the workspace; the
        `check` command's own way (per-file findings) must find exactly the same."""
        cwd = Path.cwd()
        os.chdir(self.root)
        try:
            result = run_check(Path("corpus"), Path("facts"))
            by_file = check_project(Path("corpus"), Path("facts"))
        finally:
            os.chdir(cwd)
        assert by_file.diagnostics == result.diagnostics
        assert by_file.summary == result.summary
        return Outcome(result)

    def cli(self, *args: str, timeout: float = 60) -> CliRun:
        """`python -m generator check --format json ARGS` in a subprocess (crash and hang guard)."""
        return run_generator("check", "--format", "json", *args, cwd=self.root, timeout=timeout)


def assert_good_file_checked(outcome: Outcome) -> None:
    """The good file beside a bad one: both quotes verified, its deliberate error reported."""
    assert outcome.verified_in(GOOD_FILE) == 2
    assert (GOOD_ERROR[1], GOOD_ERROR[3]) in outcome.at(GOOD_FILE)
    assert outcome.exit_code == 1


def assert_good_file_in_json(stdout: str) -> None:
    """The same, from the JSON report of a subprocess run."""
    report = json.loads(stdout)
    places = [(d["file"], d["line"], d["column"], d["code"]) for d in report["diagnostics"]]
    assert GOOD_ERROR in places
    assert report["summary"]["quotes_verified"] >= 2


def use_pure_python_parser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Swap every libyaml loader class of the loader module for its pure-Python twin."""
    for name, value in list(vars(generator.load.yaml).items()):
        if isinstance(value, type) and issubclass(value, yaml.CSafeLoader):
            own = {key: item for key, item in vars(value).items() if not key.startswith("__")}
            twin = (
                yaml.SafeLoader
                if value is yaml.CSafeLoader
                else type(name, (yaml.SafeLoader,), own)
            )
            monkeypatch.setattr(generator.load.yaml, name, twin)
    loaders = [value for value in vars(generator.load.yaml).values() if isinstance(value, type)]
    assert not any(issubclass(value, yaml.CSafeLoader) for value in loaders)
