"""`map(task, items)` in this process or on forked workers, each holding its own `state`.

A task is a top-level function `task(state, item) -> result`: mypy checks that the items and
the state are what it takes, and a worker receives it by name (as pickle sends functions). The
workers are forked when the first large batch comes, so they inherit what `state` holds by then
(the corpus, and what earlier batches left in it); an item always goes to the same worker (by
its position, `at`), so what a worker kept of it in one batch is there in the next.

Workers die with the process that forked them, even when it is killed (SIGKILL): see
`_end_with`.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Generic, TypeVar

from generator.diagnostics import ExpectedError

S = TypeVar("S")
Item = TypeVar("Item")
Result = TypeVar("Result")

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
#: Below this many bytes of input a batch is not worth a fork.
PARALLEL_BYTES = 512 * 1024


def worth_forking(size: int) -> bool:
    """Whether a batch of `size` bytes of input is worth running on forked workers."""
    return size >= PARALLEL_BYTES


def available_cores() -> int:
    """The cores this process may run on: the most workers there will be (`--jobs` is
    clamped to it: more processes than cores only cost memory)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class Workers(Generic[S]):
    """Runs tasks over `state`, here or on up to `jobs` forked processes (at most the cores)."""

    def __init__(self, state: S, jobs: int) -> None:
        self.state = state
        forking = "fork" in multiprocessing.get_all_start_methods()
        self.jobs = max(1, min(jobs, available_cores())) if forking else 1
        self._connections: list[Connection] = []
        self._processes: list[BaseProcess] = []

    def __enter__(self) -> Workers[S]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def processes(self) -> int:
        """How many processes batches run on: the workers once forked, else this one."""
        return len(self._connections) or 1

    def map(
        self,
        task: Callable[[S, Item], Result],
        items: Sequence[Item],
        at: Sequence[int] | None = None,
        size: int = 0,
    ) -> list[Result]:
        """`task(state, item)` for each item, in their order. `at`: each item's position (by
        default its index), which picks its worker; `size` (bytes of input) decides whether
        the batch is worth forking for."""
        return self.submit(task, items, at, size)()

    def on_each(self, task: Callable[[S, Item], Result], arguments: Sequence[Item]) -> list[Result]:
        """`task` called once on every process batches run on (each worker once they are
        forked, else this one, whose state workers forked later inherit), the nth with
        `arguments[n]`: `processes` of them."""
        if len(arguments) != self.processes:
            raise ValueError(f"{len(arguments)} arguments for {self.processes} processes")
        return self.map(task, arguments)

    def process_of(self, position: int) -> int:
        """The process (0 to `processes` - 1) that runs the item at `position` of a batch."""
        return position % self.processes

    def submit(
        self,
        task: Callable[[S, Item], Result],
        items: Sequence[Item],
        at: Sequence[int] | None = None,
        size: int = 0,
    ) -> Callable[[], list[Result]]:
        """`map`, in two steps: the batch starts on the workers, and this process may do
        other work before it calls what this returns, which waits for the results."""
        if not self._connections and (self.jobs < 2 or not worth_forking(size)):
            done = [task(self.state, item) for item in items]
            return lambda: done
        self._start()
        positions = range(len(items)) if at is None else at
        shares: list[list[int]] = [[] for _ in self._connections]
        for index, position in enumerate(positions):
            shares[position % len(shares)].append(index)
        for connection, share in zip(self._connections, shares, strict=True):
            connection.send((task, [items[index] for index in share]))
        return partial(self._collect, shares, len(items))

    def _collect(self, shares: list[list[int]], count: int) -> list[Result]:
        results: list[Result | None] = [None] * count
        for connection, share in zip(self._connections, shares, strict=True):
            answer: list[Result] | None
            failure: str | ExpectedError | None
            answer, failure = connection.recv()
            if isinstance(failure, ExpectedError):
                raise failure
            if answer is None:
                raise RuntimeError(f"a worker process failed:\n{failure}")
            for index, result in zip(share, answer, strict=True):
                results[index] = result
        return results  # type: ignore[return-value]  # every index was in one share

    def close(self) -> None:
        for connection in self._connections:
            connection.send(None)
        for process in self._processes:
            process.join()
        self._connections, self._processes = [], []

    def _start(self) -> None:
        if self._connections:
            return
        context = multiprocessing.get_context("fork")
        sys.stdout.flush()
        sys.stderr.flush()
        for _ in range(self.jobs):
            mine, theirs = context.Pipe()
            ours = [*self._connections, mine]  # the child closes its copies of these
            arguments = (theirs, self.state, ours, os.getpid())
            process = context.Process(target=_serve, args=arguments, daemon=True)
            process.start()
            theirs.close()
            self._connections.append(mine)
            self._processes.append(process)


Request = tuple[Callable[[S, object], object], list[object]]


def _serve(connection: Connection, state: S, ours: list[Connection], parent: int) -> None:
    """A worker's loop: run each batch of tasks it is sent on its `state`, until told to stop
    or the parent is gone."""
    _end_with(parent)
    for inherited in ours:  # else the parent's end stays open here, and recv() never fails
        inherited.close()
    while True:
        request: Request[S] | None = _next_request(connection)
        if request is None:
            return
        task, batch = request
        try:
            connection.send(([task(state, item) for item in batch], None))
        except ExpectedError as error:
            connection.send((None, error))
        except Exception:  # reported to the parent, which raises
            connection.send((None, traceback.format_exc()))


def _next_request(connection: Connection) -> Request[S] | None:
    """The next request of the parent; None (the end) when it asks no more or is gone."""
    try:
        request: Request[S] | None = connection.recv()
    except (EOFError, OSError):
        return None
    return request


def _end_with(parent: int) -> None:
    """Have the kernel kill this process when its parent ends (Linux), even by SIGKILL; where
    that is not available, the pipe to the parent closes and `recv` ends the loop."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before the request was made
        os._exit(1)
