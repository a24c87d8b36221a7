"""A parse cache committed into the checkout (`git add -f .cache/`) must not prove a fake quote.

The cache's checksums are public knowledge, so a pull request can ship entries that claim a
document says anything, and a cached `python -m generator check` in that checkout believes them.
What is published and what CI trusts must not read it: the site build never uses the cache, and
the pull-request workflow checks with `--no-cache`.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys

import yaml

from generator.cache import CORPUS_ENTRY, DEFAULT_FOLDER, Cache

from .workspace import REPO_ROOT, Workspace

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


def plant(workspace: Workspace) -> None:
    """A corpus entry in the default cache folder that puts FAKE in the real document."""
    document = workspace.corpus / f"{DOC}.txt"
    paragraphs = [
        line for line in document.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    forged = [FAKE, *paragraphs[1:]]
    cache = Cache(workspace.root / DEFAULT_FOLDER)
    cache._write(CORPUS_ENTRY, {hashlib.sha256(document.read_bytes()).hexdigest(): forged})


def planted_workspace(workspace: Workspace) -> Workspace:
    os.remove(workspace.facts / "good.yml")
    workspace.write("facts/fake.yml", FACT)
    plant(workspace)
    return workspace


def test_the_check_without_cache_ignores_the_planted_entry(workspace: Workspace) -> None:
    planted = planted_workspace(workspace)
    completed = planted.cli("--no-cache")
    assert completed.returncode == 1
    codes = [d["code"] for d in json.loads(completed.stdout)["diagnostics"]]
    assert codes == ["quote-not-found"]


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
