"""Progress on stderr: on a terminal (a real pseudo-terminal here), never in a pipe or in CI."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
STAGES = ("reading the corpus", "reading the fact files", "parsing the", "checking the")
FACTS = """\
countries:
  - code: AU
    name: Australia
facts:
  - id: au-pledge
    countries: [AU]
    topic: military
    claim: Australia pledged eight aircraft.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""
SUMMARY = "Checked 1 fact, 0 events and 1 country against 5 documents"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO_ROOT / "corpus", tmp_path / "corpus")
    (tmp_path / "facts").mkdir()
    (tmp_path / "facts" / "facts.yml").write_text(FACTS, encoding="utf-8")
    return tmp_path


def environment(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS")}
    return {**base, "TERM": "xterm-256color", "COLUMNS": "100", **extra}


def on_a_terminal(project: Path, env: dict[str, str], *options: str) -> str:
    """What `check` writes to a pseudo-terminal that is its stdout and stderr."""
    parent, child = os.openpty()
    command = [sys.executable, "-m", "generator", "check", "--no-cache", *options]
    process = subprocess.Popen(
        command, cwd=project, env=env, stdin=child, stdout=child, stderr=child
    )
    os.close(child)
    received = b""
    while True:
        try:
            chunk = os.read(parent, 4096)
        except OSError:  # the terminal's other end is closed: the command is over
            break
        if not chunk:
            break
        received += chunk
    os.close(parent)
    assert process.wait(timeout=60) == 0
    return received.decode("utf-8", "replace")


def test_a_terminal_shows_the_stage_then_the_report(project: Path) -> None:
    shown = on_a_terminal(project, environment(FACTSHEET_PROGRESS_DELAY="0"))

    assert any(stage in shown for stage in STAGES), shown
    assert "\x1b[" in shown  # drawn (and erased) by the progress library
    assert SUMMARY in shown.rsplit("\x1b[", 1)[-1]  # the report comes after the progress


def test_a_quick_check_shows_no_progress_on_a_terminal(project: Path) -> None:
    shown = on_a_terminal(project, environment())  # the default: after two seconds

    assert not any(stage in shown for stage in STAGES)
    assert SUMMARY in shown


def test_a_ci_terminal_shows_no_progress(project: Path) -> None:
    shown = on_a_terminal(project, environment(FACTSHEET_PROGRESS_DELAY="0", CI="true"))

    assert not any(stage in shown for stage in STAGES)
    assert "\x1b[" not in shown


def test_a_pipe_gets_the_report_alone(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--no-cache"],
        cwd=project,
        env=environment(FACTSHEET_PROGRESS_DELAY="0"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.startswith(SUMMARY)


def test_progress_and_forked_workers_finish_together(project: Path) -> None:
    """A check large enough to fork workers, drawn on a terminal all along: it ends, with the
    same report as without the terminal."""
    item = FACTS.split("facts:\n", 1)[1]
    many = "".join(item.replace("au-pledge", f"au-pledge-{n}") for n in range(2600))
    (project / "facts" / "facts.yml").write_text(FACTS + many, encoding="utf-8")

    shown = on_a_terminal(project, environment(FACTSHEET_PROGRESS_DELAY="0"), "--jobs", "2")

    assert "Checked 2,601 facts" in shown.rsplit("\x1b[", 1)[-1]
