"""Where the checker reads and what is published stay within what was reviewed.

`--facts /` walked the whole file system (every *.yml of the machine, read and quoted back):
a facts folder outside the project, the current directory, is refused unless asked for with
`--allow-outside`, however it is spelled (absolute, `..`, a link). And the Pages workflow
publishes main only: every one of its jobs is skipped on any other branch.
"""

from __future__ import annotations

import os
import subprocess
import sys

import yaml

from .workspace import REPO_ROOT, Workspace, assert_good_file_in_json


def outside_spellings(workspace: Workspace) -> list[str]:
    elsewhere = workspace.root.parent / f"{workspace.root.name}-elsewhere"
    (elsewhere / "facts").mkdir(parents=True, exist_ok=True)
    (workspace.root / "linked").symlink_to(elsewhere / "facts")
    return [
        "/",
        str(elsewhere / "facts"),
        f"../{elsewhere.name}/facts",
        "facts/../..",
        "linked",
        os.path.expanduser("~"),
    ]


def test_a_facts_folder_outside_the_project_is_refused(workspace: Workspace) -> None:
    for spelling in outside_spellings(workspace):
        completed = workspace.cli("--facts", spelling, timeout=30)
        assert completed.returncode == 2, spelling
        assert completed.stdout == ""
        [line] = completed.stderr.splitlines()
        assert line.startswith(f"error: --facts {spelling} is outside the project")
        assert "--allow-outside" in line


def test_inside_the_project_and_when_asked_it_is_read(workspace: Workspace) -> None:
    outside = outside_spellings(workspace)[1]
    for arguments in (["--facts", "facts"], ["--facts", "./facts/"]):
        completed = workspace.cli(*arguments)
        assert completed.returncode == 1, completed.stderr
        assert_good_file_in_json(completed.stdout)
    asked = workspace.cli("--facts", outside, "--allow-outside")
    assert asked.returncode == 0, asked.stderr


def test_fix_refuses_it_too(workspace: Workspace) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "generator", "fix", "--facts", "/"],
        cwd=workspace.root,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert completed.returncode == 2
    assert "is outside the project" in completed.stderr


PAGES = REPO_ROOT / ".github" / "workflows" / "pages.yml"
MAIN_ONLY = "github.ref == 'refs/heads/main'"


def test_the_pages_workflow_runs_on_main_only() -> None:
    workflow = yaml.load(PAGES.read_text(encoding="utf-8"), yaml.BaseLoader)
    triggers = workflow["on"]
    assert set(triggers) <= {"push", "workflow_dispatch"}
    assert triggers["push"] == {"branches": ["main"]}
    jobs = workflow["jobs"]
    assert jobs
    for name, job in jobs.items():
        assert job.get("if") == MAIN_ONLY, f"job {name} may run from another branch"


def test_no_other_workflow_deploys_pages() -> None:
    for path in (REPO_ROOT / ".github" / "workflows").glob("*.yml"):
        text = path.read_text(encoding="utf-8")
        if path != PAGES:
            assert "deploy-pages" not in text and "pages: write" not in text, path.name


def test_the_outside_spellings_really_leave_the_project(workspace: Workspace) -> None:
    project = workspace.root.resolve()
    for spelling in outside_spellings(workspace):
        resolved = (workspace.root / spelling).resolve()
        assert resolved != project and project not in resolved.parents, spelling
