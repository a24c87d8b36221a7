"""The GitHub workflows and pre-commit hooks: valid, least-privilege, commands documented."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from .conftest import REPO_ROOT

WORKFLOWS = REPO_ROOT / ".github" / "workflows"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
COMMANDS_PAGE = (REPO_ROOT / "docs" / "reference" / "commands.md").read_text(encoding="utf-8")
COMMAND = re.compile(r"(?:^|&&|;)\s*(?:\.venv/bin/)?((?:make|python -m generator|mkdocs) [^;&\n]*)")


def load(name: str) -> dict[Any, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def steps(workflow: dict[Any, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def commands(workflow: dict[Any, Any]) -> list[str]:
    """`make X`, `python -m generator ...`, `mkdocs ...` run by the workflow, up to a variable."""
    found = []
    for step in steps(workflow):
        for match in COMMAND.finditer(step.get("run", "")):
            found.append(match.group(1).split("$")[0].rstrip(' "'))
    return found


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_workflows_run_the_documented_commands(name: str) -> None:
    found = commands(load(name))
    assert found
    for command in found:
        assert command in COMMANDS_PAGE, f"{name} runs `{command}`, which the reference omits"


def test_pull_requests_run_the_checker_site_and_tests_read_only() -> None:
    workflow = load("pr.yml")
    assert set(workflow["on"]) == {"pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    found = commands(workflow)
    assert "python -m generator check --format github --changed-from" in found
    assert {"make install", "mkdocs build --strict", "make test"} <= set(found)


def test_main_is_published_with_the_official_pages_actions() -> None:
    workflow = load("pages.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    deploy = workflow["jobs"]["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    used = [step["uses"].split("@")[0] for step in steps(workflow) if "uses" in step]
    for action in ("configure-pages", "upload-pages-artifact", "deploy-pages"):
        assert f"actions/{action}" in used
    assert "make site" in commands(workflow)
    checkout = next(s for s in steps(workflow) if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0  # the Changes page reads the history of facts/


@pytest.mark.parametrize("name", ["pr.yml", "pages.yml"])
def test_actions_are_pinned_to_a_major_version(name: str) -> None:
    for step in steps(load(name)):
        if "uses" in step:
            assert re.fullmatch(r"actions/[a-z-]+@v\d+", step["uses"]), step["uses"]


def test_workflows_validate_against_the_github_workflow_schema() -> None:
    """SchemaStore's workflow schema, vendored in check-jsonschema (actionlint is not
    installable offline: its PyPI package downloads the binary from GitHub when it builds)."""
    files = sorted(str(path) for path in WORKFLOWS.glob("*.yml"))
    for schema in ("vendor.github-workflows", "custom.github-workflows-require-timeout"):
        result = subprocess.run(
            [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *files],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_pre_commit_hooks_run_the_checker_on_facts_and_corpus() -> None:
    (hook,) = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "factsheet-check"
    assert (hook["language"], hook["entry"]) == ("python", "python -m generator check")
    assert hook["pass_filenames"] is False
    assert re.match(hook["files"], "facts/au.yml") and re.match(hook["files"], "corpus/x.txt")
    assert not re.match(hook["files"], "docs/index.md")
    config = yaml.safe_load((REPO_ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (local,) = config["repos"]
    assert local["repo"] == "local"
    (mine,) = local["hooks"]
    assert "-m generator check" in mine["entry"] and mine["files"] == hook["files"]
