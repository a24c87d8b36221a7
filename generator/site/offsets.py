"""Mapping offsets in a normalised paragraph back to the raw text it came from."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from generator.corpus.normalize import _TABLE, DASHES, QUOTES, REPLACEMENTS, normalize, replace_each

# Characters that normalise to one character other than a space, whatever surrounds them (bar
# combining marks): printable ASCII, and the quotes and dashes that NFKC leaves to the table.
_KEPT = "!-~" + re.escape(
    "".join(
        char
        for char in QUOTES + DASHES
        if unicodedata.normalize("NFKC", char).translate(_TABLE) == char.translate(_TABLE)
    )
)
_SPACES = " \u00a0"  # each normalises to one space
# Words of such characters with single spaces between them map back one character for one, so
# a run of them needs no work per character.
_PLAIN = re.compile(f"[{_KEPT}]+(?:[{_SPACES}][{_KEPT}]+)*")
_PLAIN_REPLACEMENTS = REPLACEMENTS | {"\u00a0": " "}


class OffsetMap:
    """`normalize(raw)` and, for each of its characters, the raw (start, end) it came from.

    Works cluster by cluster (a character and its combining marks). When NFKC composes across
    clusters the result may differ from `normalize`; the offsets then follow the clusters, which
    is close enough to mark a quote on a page. Kept run by run: plain runs map one for one, and
    every other character has a run of its own.
    """

    def __init__(self, raw: str, normalized: str | None = None) -> None:
        """`normalized`, when given, is `normalize(raw)` already at hand."""
        self.raw_length = len(raw)
        #: Per run: its start in the normalised text, its raw start and end, whether it is plain.
        self._starts: list[int] = []
        self._runs: list[tuple[int, int, bool]] = []
        self._pieces: list[str] = []
        self._mapped = 0
        self._pending: tuple[int, int] | None = None
        done = 0
        for match in _PLAIN.finditer(raw):
            start, end = match.span()
            if end < len(raw) and _is_combining(raw[end]):  # the last character starts a cluster
                end = start + len(raw[start : end - 1].rstrip(_SPACES))
            if start < end:
                self._add_clusters(raw, done, start)
                self._add(_plain_text(raw[start:end]), start, end, plain=True)
                done = end
        self._add_clusters(raw, done, len(raw))
        self.text = normalize(raw) if normalized is None else normalized
        if "".join(self._pieces) != self.text:
            self._mapped = min(self._mapped, len(self.text))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, index: int) -> tuple[int, int]:
        """The raw (start, end) of the normalised character at `index`."""
        if not 0 <= index < len(self.text):
            raise IndexError(index)
        if index >= self._mapped:
            return (self.raw_length, self.raw_length)
        run = bisect_right(self._starts, index) - 1
        start, end, plain = self._runs[run]
        if not plain:
            return (start, end)
        start += index - self._starts[run]
        return (start, start + 1)

    def _add_clusters(self, raw: str, start: int, end: int) -> None:
        for cluster_start, cluster_end in _clusters(raw, start, end):
            cluster = raw[cluster_start:cluster_end]
            if cluster_end - cluster_start > 1 or not cluster.isascii():
                cluster = unicodedata.normalize("NFKC", cluster).translate(_TABLE)
            for char in cluster:
                if char.isspace():
                    self._pending = self._pending or (cluster_start, cluster_end)
                else:
                    self._add(char, cluster_start, cluster_end, plain=False)

    def _add(self, text: str, start: int, end: int, plain: bool) -> None:
        """Appends `text`, after one space for any whitespace pending since the last text."""
        if self._pending and self._mapped:
            self._append(" ", *self._pending, plain=False)
        self._pending = None
        self._append(text, start, end, plain)

    def _append(self, text: str, start: int, end: int, plain: bool) -> None:
        self._starts.append(self._mapped)
        self._runs.append((start, end, plain))
        self._pieces.append(text)
        self._mapped += len(text)


def normalize_with_offsets(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """`normalize(raw)` and, for each of its characters, the raw (start, end) it came from."""
    offsets = OffsetMap(raw)
    return offsets.text, [offsets[index] for index in range(len(offsets))]


def raw_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """The raw (start, end) of the normalised span [start, end) of `raw`."""
    offsets = OffsetMap(raw)
    if not len(offsets) or start >= len(offsets) or end <= start:
        return (0, 0)
    return offsets[start][0], offsets[min(end, len(offsets)) - 1][1]


def _plain_text(run: str) -> str:
    """What a plain run normalises to."""
    return run if run.isascii() else replace_each(run, _PLAIN_REPLACEMENTS)


def _is_combining(char: str) -> bool:
    return char >= "\u0300" and unicodedata.combining(char) != 0  # none below U+0300


def _clusters(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clusters of raw[start:end]; the caller ensures none reaches across either end."""
    clusters: list[tuple[int, int]] = []
    for index in range(start, end):
        if clusters and _is_combining(raw[index]):
            clusters[-1] = (clusters[-1][0], index + 1)
        else:
            clusters.append((index, index + 1))
    return clusters
