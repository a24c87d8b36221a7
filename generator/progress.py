"""A sign of life for long commands: progress on stderr, on a terminal only, after two seconds.

A check or a site build of a large fact base runs for seconds. On a terminal, once a command
has run for `DELAY_SECONDS`, a line on stderr says which stage it is in, how far along and for
how long (drawn by `rich`, erased when the command ends). Never in CI logs, a pipe or a file:
there the output stays exactly what it was.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

DELAY_SECONDS = 2.0
#: Set (to seconds) to show progress sooner or later; the tests show it at once.
DELAY_VARIABLE = "FACTSHEET_PROGRESS_DELAY"


def wanted(stream: IO[str]) -> bool:
    """Progress goes to an interactive terminal only: never to a pipe, a file or a CI log."""
    if os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream
        return False


def delay() -> float:
    try:
        return max(0.0, float(os.environ.get(DELAY_VARIABLE, DELAY_SECONDS)))
    except ValueError:
        return DELAY_SECONDS


class Stages:
    """What a command reports as it goes: the stage it is in, and items done of that stage.
    Does nothing when no progress is shown."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None) -> None:
        self._progress = progress
        self._task = task

    def stage(self, description: str, total: int | None = None) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.reset(self._task, total=total, description=description)

    def advance(self, count: int = 1) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.advance(self._task, count)


@contextmanager
def progress_shown(description: str, stream: IO[str] | None = None) -> Iterator[Stages]:
    """`Stages` drawn on `stream` (stderr) once the block has run for `delay()` seconds, if
    `stream` is a terminal; erased at the end."""
    stream = stream if stream is not None else sys.stderr
    if not wanted(stream):
        yield Stages()
        return
    # Drawn from a thread, through a file object of its own: a worker process forked while
    # the thread writes inherits its lock held, and so must never write through it.
    with os.fdopen(os.dup(stream.fileno()), "w", encoding="utf-8", errors="replace") as own:
        progress = _bar(own)
        task = progress.add_task(description, total=None)
        with _started_later(progress):
            yield Stages(progress, task)


def _bar(stream: IO[str]) -> Progress:
    """A transient progress line: spinner, stage, bar, count done and time elapsed."""
    from rich.console import Console  # only on a terminal: a check in CI starts faster
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=stream),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )


@contextmanager
def _started_later(progress: Progress) -> Iterator[None]:
    """Start drawing `progress` after `delay()` seconds, unless the block is over by then."""
    lock = threading.Lock()
    state = {"over": False, "started": False}

    def start() -> None:
        with lock:
            if not state["over"]:
                progress.start()
                state["started"] = True

    timer = threading.Timer(delay(), start)
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()
        with lock:
            state["over"] = True
            if state["started"]:
                progress.stop()
