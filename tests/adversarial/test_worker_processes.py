"""The worker processes of `check --jobs N`: bounded in number, and never outliving the check.

A CI timeout or the OOM killer ends `check` with SIGKILL, which no handler sees: its workers
(some 200 MB each on a large fact base) must end with it, not run on forever. And `--jobs` is
clamped to the cores there are: `--jobs 10000` is no reason to fork ten thousand processes.

Each test runs the real `check` command in a subprocess, with the forking threshold lowered so
that the small workspace is checked on workers, and the end of the check held open (after the
workers are started) so that the test can look at them, and kill the parent there.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from .workspace import Workspace

#: `python -m generator check` with workers forked for any batch, which prints the ids of its
#: worker processes when the check is done, then waits (as a long check would) to be killed.
HOLD_OPEN = """
import os, sys, time
from generator.incremental import workers
from generator import cli

workers.PARALLEL_BYTES = 0
close = workers.Workers.close

def held_open(self):
    children = open(f"/proc/{os.getpid()}/task/{os.getpid()}/children").read().split()
    print("workers", *children, file=sys.stderr, flush=True)
    if os.environ.get("HOLD_OPEN"):
        time.sleep(60)
    close(self)

workers.Workers.close = held_open
sys.exit(cli.main(sys.argv[1:]))
"""


def start(workspace: Workspace, *args: str, hold: bool) -> subprocess.Popen[str]:
    env = dict(os.environ, HOLD_OPEN="1" if hold else "")
    command = [sys.executable, "-c", HOLD_OPEN, "check", "--no-cache", *args]
    return subprocess.Popen(
        command, cwd=workspace.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True,
    )  # fmt: skip


def worker_ids(process: subprocess.Popen[str]) -> list[int]:
    assert process.stderr is not None
    for line in process.stderr:
        if line.startswith("workers"):
            return [int(pid) for pid in line.split()[1:]]
    raise AssertionError(f"no workers reported; exit status {process.wait(30)}")


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has ended; only its entry waits for its parent


def test_workers_end_when_the_check_is_killed(workspace: Workspace) -> None:
    check = start(workspace, "--jobs", "2", hold=True)
    try:
        workers = worker_ids(check)
        assert workers, "the check ran on no workers"
        check.send_signal(signal.SIGKILL)
        check.wait(10)
        deadline = time.monotonic() + 5
        while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in workers if alive(pid)]
    finally:
        check.kill()
        check.wait(10)
    for pid in left:  # the failure's own clean-up: no test leaves processes behind
        os.kill(pid, signal.SIGKILL)
    assert left == [], "worker processes outlived the killed check"


def test_jobs_is_clamped_to_the_cores(workspace: Workspace) -> None:
    cores = len(os.sched_getaffinity(0))
    check = start(workspace, "--jobs", str(cores + 30), hold=False)
    try:
        workers = worker_ids(check)
        check.wait(60)
    finally:
        check.kill()
        check.wait(10)
    assert 1 <= len(workers) <= cores
    assert check.returncode == 1  # the good file's deliberate error, as with --jobs 1


def test_jobs_help_states_the_bound(workspace: Workspace) -> None:
    command = [sys.executable, "-m", "generator", "check", "--help"]
    shown = subprocess.run(command, capture_output=True, text=True, check=True, timeout=30)
    assert "at most the number of cores" in " ".join(shown.stdout.split())
