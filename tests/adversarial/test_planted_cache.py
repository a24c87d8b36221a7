"""A cache folder committed into the checkout (`git add -f .cache/`) must not prove a fake quote.

Entries are signed with a secret of the user's, kept outside the checkout
(`$XDG_CACHE_HOME/factsheet/secret`), so whoever plants entries without it, as a pull request
would, sees them ignored: by a cached `check`, by `check --no-cache`, and by the site build
(which never reads the cache). The pull-request workflow checks with `--no-cache` all the same.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from generator.incremental.project import check_project
from generator.incremental.store import Cache

from .workspace import REPO_ROOT, Workspace

#: Where a checkout could hold a cache (the default cache is outside it, the user's).
COMMITTED = ".cache/factsheet"
DOC = "001_45c1c8414a270103"
FAKE = "Australia said it would provide ninety aircraft to fight IS at once."
FACT = f"""\
countries:
  - code: AU
    name: Australia
facts:
  - id: fake-quote
    countries: [AU]
    topic: military
    claim: A quote no document holds.
    sources:
      - doc: {DOC}
        quote: {FAKE}
"""


def plant(workspace: Workspace, secret: Path | None = None) -> None:
    """Cache entries in a cache folder of the checkout that say fake.yml has no problem: the real
    entries of a check, with its findings emptied, signed with `secret` (an attacker's own,
    unless told)."""
    if secret is None:
        secret = workspace.root / "attacker-secret"
        secret.write_bytes(b"a secret of the attacker's, not the user's " * 2)
    folder = workspace.root / COMMITTED
    cwd = Path.cwd()
    os.chdir(workspace.root)
    try:
        check_project(Path("corpus"), Path("facts"), Cache(folder, secret=secret))
    finally:
        os.chdir(cwd)
    cache = Cache(folder, secret=secret)
    forged = 0
    for entry in folder.glob("*.marshal"):
        data = cache.read(entry.name)
        if isinstance(data, tuple) and len(data) == 7 and data[3]:  # a file's findings
            definitions, loading, fingerprint, _, quotes, _, _ = data
            cache.write(entry.name, (definitions, loading, fingerprint, [], quotes, quotes, []))
            forged += 1
    assert forged == 1


def planted_workspace(workspace: Workspace) -> Workspace:
    os.remove(workspace.facts / "good.yml")
    workspace.write("facts/fake.yml", FACT)
    plant(workspace)
    return workspace


def test_the_check_ignores_the_planted_entry_with_or_without_the_cache(
    workspace: Workspace,
) -> None:
    planted = planted_workspace(workspace)
    for options in (["--cache-dir", COMMITTED], ["--no-cache"], []):
        completed = planted.cli(*options)
        assert completed.returncode == 1, options
        codes = [d["code"] for d in json.loads(completed.stdout)["diagnostics"]]
        assert codes == ["quote-not-found"], options


def test_the_planted_entry_would_prove_the_quote_if_it_were_trusted(
    workspace: Workspace,
) -> None:
    """The planted entries are a real threat: signed with the user's secret, they are used."""
    planted = planted_workspace(workspace)
    user_secret = Path(os.environ["XDG_CACHE_HOME"], "factsheet", "secret")
    plant(planted, user_secret)
    completed = planted.cli("--cache-dir", COMMITTED)
    assert json.loads(completed.stdout)["diagnostics"] == []


def test_the_site_build_ignores_the_planted_entry(workspace: Workspace) -> None:
    planted = planted_workspace(workspace)
    shutil.copytree(REPO_ROOT / "docs", planted.root / "docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", planted.root / "mkdocs.yml")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    built = subprocess.run(
        command, cwd=planted.root, capture_output=True, text=True, timeout=300, check=False
    )
    assert built.returncode != 0
    assert "quote-not-found" in built.stdout + built.stderr
    assert not (planted.root / "site" / "index.html").exists()


def test_the_pull_request_workflow_checks_without_the_cache() -> None:
    workflow = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / "pr.yml").read_text())
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    checks = [run for run in runs if "generator check" in run]
    assert checks
    assert all("--no-cache" in run for run in checks)
