"""The install is the lock: every package pinned with hashes, installed at exactly that version."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LOCK = REPO / "requirements.lock"
ENTRY = re.compile(r"^[A-Za-z0-9][^\n]*==[^\n]*(?:\n[ ]+[^\n]*)*", re.MULTILINE)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    text = LOCK.read_text(encoding="utf-8")
    return {canonical(name): version for name, version in PIN.findall(text)}


def test_every_locked_package_has_its_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = ENTRY.findall(text)  # a pin and its indented lines (hashes, "# via")
    assert len(entries) == len(locked()) > 50
    assert all("--hash=sha256:" in entry for entry in entries)


def test_every_dependency_of_pyproject_is_locked_at_its_pin() -> None:
    """A dependency added or changed without `make lock` fails here (and in `make install`)."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = project["dependencies"] + [
        pin for pins in project["optional-dependencies"].values() for pin in pins
    ]
    pins = dict(canonical_pin(requirement) for requirement in wanted)
    lock = locked()
    assert {name: lock.get(name) for name in pins} == pins


def canonical_pin(requirement: str) -> tuple[str, str]:
    name, _, version = requirement.partition("==")
    return canonical(name), version


def test_the_installed_packages_are_exactly_the_locked_ones() -> None:
    """`make install` installs the lock and nothing else (this package aside)."""
    frozen = subprocess.run(
        [sys.executable, "-m", "pip", "freeze", "--all", "--exclude-editable"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    installed = {canonical(name): version for name, version in PIN.findall(frozen)}
    installed.pop(canonical("factsheet-generator"), None)
    assert installed == locked()
