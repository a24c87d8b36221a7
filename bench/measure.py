"""Running a command as a subprocess and measuring its wall time and peak memory."""

from __future__ import annotations

import json
import os
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    peak_mb: float
    exit_code: int
    stdout: str


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` in `cwd`; wall time and the child's own peak RSS (from wait4)."""
    with open(os.devnull, "rb") as nothing:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=nothing,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
        )
        output = process.stdout.read() if process.stdout else b""
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(seconds, usage.ru_maxrss / 1024, process.returncode, output.decode(errors="replace"))


def measure_figures(command: list[str], cwd: Path, marker: str, what: str) -> tuple[Run, Any]:
    """`measure`, and the JSON the command printed last on a line starting with `marker `;
    a failed command, or one that printed none, is an error telling `what` failed."""
    run = measure(command, cwd)
    lines = [line for line in run.stdout.splitlines() if line.startswith(marker + " ")]
    if run.exit_code or not lines:
        raise RuntimeError(f"{what} failed:\n{run.stdout[-3000:]}")
    return run, json.loads(lines[-1].removeprefix(marker + " "))
