"""Running a method of one object over many items, in this process or in forked workers.

The workers are forked when the first large batch comes, so they inherit what is loaded by
then (the corpus, and what earlier batches left in the object); an item always goes to the same
worker (by its position), so what a worker kept of it in one batch is there in the next.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from functools import partial
from multiprocessing.connection import Connection
from typing import Any

#: Below this many bytes of input a batch is not worth a fork.
PARALLEL_BYTES = 512 * 1024


class ExpectedError(Exception):
    """A failure the user is told of in one line (not a bug): a worker sends it to the parent,
    which raises it as it is, rather than a traceback."""


def worth_forking(size: int) -> bool:
    """Whether a batch of `size` bytes of input is worth running on forked workers."""
    return size >= PARALLEL_BYTES


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


class Workers:
    """Calls `getattr(target, method)(*item, *shared)` for each item of a batch."""

    def __init__(self, target: object, jobs: int) -> None:
        self.target = target
        self.jobs = jobs if "fork" in multiprocessing.get_all_start_methods() else 1
        self._connections: list[Connection] = []
        self._processes: list[Any] = []

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def processes(self) -> int:
        """How many processes batches run on: the workers once forked, else this one."""
        return len(self._connections) or 1

    def run(
        self,
        method: str,
        items: Sequence[tuple[int, tuple[Any, ...]]],
        shared: tuple[Any, ...] = (),
        size: int = 0,
    ) -> list[Any]:
        """The results for `items` ((position, arguments) pairs), in their order; `size`
        (bytes of input) decides whether the batch is worth forking for."""
        return self.submit(method, items, shared, size)()

    def on_each(self, method: str, shared: tuple[Any, ...] = ()) -> list[Any]:
        """`method` called once on every process batches run on: each worker once they are
        forked, else this one (whose state workers forked later inherit)."""
        return self.on_each_apart(method, [shared] * self.processes)

    def on_each_apart(self, method: str, arguments: Sequence[tuple[Any, ...]]) -> list[Any]:
        """`method` called once on every process batches run on, the nth with `arguments[n]`
        (one tuple a process: `processes` of them)."""
        if len(arguments) != self.processes:
            raise ValueError(f"{len(arguments)} sets of arguments for {self.processes} processes")
        return self.run(method, list(enumerate(arguments)))

    def process_of(self, position: int) -> int:
        """The process (0 to `processes` - 1) that runs the item at `position` of a batch."""
        return position % self.processes

    def submit(
        self,
        method: str,
        items: Sequence[tuple[int, tuple[Any, ...]]],
        shared: tuple[Any, ...] = (),
        size: int = 0,
    ) -> Callable[[], list[Any]]:
        """`run`, in two steps: the batch starts on the workers, and this process may do
        other work before it calls what this returns, which waits for the results."""
        if not self._connections and (self.jobs < 2 or not worth_forking(size)):
            call = getattr(self.target, method)
            done = [call(*arguments, *shared) for _, arguments in items]
            return lambda: done
        self._start()
        shares: list[list[tuple[int, tuple[Any, ...]]]] = [[] for _ in self._connections]
        for position, arguments in items:
            shares[position % len(shares)].append((position, arguments))
        for connection, share in zip(self._connections, shares, strict=True):
            connection.send((method, [arguments for _, arguments in share], shared))
        return partial(self._collect, shares, [position for position, _ in items])

    def _collect(
        self, shares: list[list[tuple[int, tuple[Any, ...]]]], order: list[int]
    ) -> list[Any]:
        results: dict[int, Any] = {}
        for connection, share in zip(self._connections, shares, strict=True):
            answer, failure = connection.recv()
            if isinstance(failure, ExpectedError):
                raise failure
            if failure:
                raise RuntimeError(f"a worker process failed:\n{failure}")
            results.update(zip((position for position, _ in share), answer, strict=True))
        return [results[position] for position in order]

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
            process = context.Process(target=_serve, args=(theirs, self.target), daemon=True)
            process.start()
            theirs.close()
            self._connections.append(mine)
            self._processes.append(process)


def _serve(connection: Connection, target: object) -> None:
    while (request := connection.recv()) is not None:
        method, batch, shared = request
        try:
            call = getattr(target, method)
            connection.send(([call(*arguments, *shared) for arguments in batch], None))
        except ExpectedError as error:
            connection.send((None, error))
        except Exception:  # reported to the parent, which raises
            connection.send((None, traceback.format_exc()))
