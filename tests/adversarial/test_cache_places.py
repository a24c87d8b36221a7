"""The caches trust nothing a checkout holds: no links followed, no entry read unbounded, no
cache folder (nor the secret that signs entries, nor Jinja's compiled templates) inside the
project, and no secret that others could have written.

A pull request can commit anything under the checkout, links included (`git add -f .cache/`).
Every test runs the real `check` command (or the site's real bytecode cache) in a workspace.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from generator.site.bytecode import bytecode_cache

from .workspace import Workspace, assert_good_file_in_json

#: More than a check of the workspace needs, far less than a link to /dev/zero would take.
MEMORY_LIMIT = 1536 * 1024 * 1024


def check_within_memory(workspace: Workspace, *args: str) -> subprocess.CompletedProcess[str]:
    """`check --format json ARGS` with its address space bounded (a runaway read fails fast
    rather than exhausting the machine)."""

    def bounded() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))

    command = [sys.executable, "-m", "generator", "check", "--format", "json", *args]
    return subprocess.run(
        command, cwd=workspace.root, capture_output=True, text=True, timeout=60,
        preexec_fn=bounded, check=False,
    )  # fmt: skip


def test_a_linked_entry_is_not_followed(workspace: Workspace) -> None:
    folder = workspace.root / "committed-cache"
    folder.mkdir()
    (folder / "digests.marshal").symlink_to("/dev/zero")
    completed = check_within_memory(workspace, "--cache-dir", "committed-cache")
    assert completed.returncode == 1, completed.stderr
    assert_good_file_in_json(completed.stdout)


def test_an_entry_is_read_with_a_size_bound(workspace: Workspace) -> None:
    folder = workspace.root / "committed-cache"
    folder.mkdir()
    with open(folder / "digests.marshal", "wb") as entry:
        entry.truncate(3 * 1024**3)  # sparse: three gigabytes that take no room on disk
    completed = check_within_memory(workspace, "--cache-dir", "committed-cache")
    assert completed.returncode == 1, completed.stderr
    assert_good_file_in_json(completed.stdout)


def test_a_linked_cache_folder_sends_no_write_and_no_delete_elsewhere(
    workspace: Workspace, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (elsewhere / "precious.marshal").write_bytes(b"not the cache's to delete")
    (workspace.root / ".cache").mkdir()
    (workspace.root / ".cache" / "factsheet").symlink_to(elsewhere)
    completed = workspace.cli("--cache-dir", ".cache/factsheet")
    assert completed.returncode == 1, completed.stderr
    assert_good_file_in_json(completed.stdout)
    assert sorted(path.name for path in elsewhere.iterdir()) == ["precious.marshal"]


def test_the_default_cache_is_outside_the_checkout(workspace: Workspace) -> None:
    for _ in range(2):
        completed = workspace.cli()
        assert completed.returncode == 1, completed.stderr
        assert_good_file_in_json(completed.stdout)
    assert sorted(path.name for path in workspace.root.iterdir()) == ["corpus", "facts"]
    folder = Path(os.environ["XDG_CACHE_HOME"], "factsheet")
    assert any(folder.rglob("*.marshal")), "the default cache holds no entry"


def with_cache_home(workspace: Workspace, cache_home: str, home: Path) -> dict[str, str]:
    return dict(os.environ, XDG_CACHE_HOME=cache_home, HOME=str(home))


@pytest.mark.parametrize("cache_home", [".cache", "ABSOLUTE/.cache"])
def test_no_cache_and_no_secret_inside_the_project(
    workspace: Workspace, tmp_path_factory: pytest.TempPathFactory, cache_home: str
) -> None:
    """A relative XDG_CACHE_HOME is ignored (as the XDG specification says), and one inside
    the project is refused: a secret there could be committed, and entries signed with it."""
    home = tmp_path_factory.mktemp("home")
    cache_home = cache_home.replace("ABSOLUTE", str(workspace.root))
    env = with_cache_home(workspace, cache_home, home)
    command = [sys.executable, "-m", "generator", "check", "--format", "json"]
    completed = subprocess.run(
        command, cwd=workspace.root, env=env, capture_output=True, text=True, timeout=60,
        check=False,
    )  # fmt: skip
    assert completed.returncode == 1, completed.stderr
    assert_good_file_in_json(completed.stdout)
    assert not (workspace.root / ".cache").exists()


@pytest.mark.parametrize("cache_home", [".cache", "ABSOLUTE/.cache"])
def test_no_compiled_template_inside_the_project(
    workspace: Workspace,
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    cache_home: str,
) -> None:
    """Jinja unpickles its compiled templates: none may be read from the checkout."""
    monkeypatch.chdir(workspace.root)
    monkeypatch.setenv("XDG_CACHE_HOME", cache_home.replace("ABSOLUTE", str(workspace.root)))
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("home")))
    cache = bytecode_cache()
    if cache is not None:
        place = Path(getattr(cache, "directory")).resolve()  # noqa: B009 - not typed by Jinja
        assert workspace.root.resolve() not in [place, *place.parents]
    assert not (workspace.root / ".cache").exists()


def test_a_secret_others_can_write_is_refused(workspace: Workspace) -> None:
    secret = Path(os.environ["XDG_CACHE_HOME"], "factsheet", "secret")
    workspace.cli("--cache-dir", "first")  # makes the secret, if no test has yet
    mode = secret.stat().st_mode
    try:
        secret.chmod(0o666)
        completed = workspace.cli("--cache-dir", "entries")
    finally:
        secret.chmod(mode)
    assert completed.returncode == 1
    assert_good_file_in_json(completed.stdout)
    assert "secret" in completed.stderr and "writable" in completed.stderr
    assert not (workspace.root / "entries").exists()
