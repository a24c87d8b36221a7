"""Two builds of the same sources give the same bytes, wherever they run and whatever the hashing.

The same SOURCE_DATE_EPOCH, two differently named folders at different depths, two different
PYTHONHASHSEEDs (set iteration order changes with it): `diff -r` of the two sites is empty.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .workspace import REPO_ROOT

SOURCES = ("mkdocs.yml", "facts", "corpus", "docs")


def build(root: Path, hash_seed: str) -> Path:
    root.mkdir(parents=True)
    for name in SOURCES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, root / name)
        else:
            shutil.copy(source, root / name)
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": hash_seed}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    built = subprocess.run(
        command, cwd=root, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return root / "site"


def tree(site: Path) -> dict[str, bytes]:
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_in_different_folders_and_hash_seeds_are_identical(tmp_path: Path) -> None:
    first = tree(build(tmp_path / "one", "1"))
    second = tree(build(tmp_path / "elsewhere" / "two", "4242"))
    assert sum(name.endswith(".html") for name in first) > 40
    assert sorted(first) == sorted(second)
    differing = [name for name in first if first[name] != second[name]]
    assert differing == []
