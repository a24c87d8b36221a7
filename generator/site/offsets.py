"""Mapping offsets in a normalised paragraph back to the raw text it came from."""

from __future__ import annotations

import unicodedata

from generator.normalize import _TABLE, normalize


def normalize_with_offsets(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """`normalize(raw)` and, for each of its characters, the raw (start, end) it came from.

    Works cluster by cluster (a character and its combining marks). When NFKC composes across
    clusters the result may differ from `normalize`; the offsets then follow the clusters, which
    is close enough to mark a quote on a page.
    """
    chars: list[tuple[str, int, int]] = []
    for start, end in _clusters(raw):
        if end - start == 1 and raw[start].isascii():  # NFKC and the table keep ASCII as is
            chars.append((raw[start], start, end))
            continue
        piece = unicodedata.normalize("NFKC", raw[start:end]).translate(_TABLE)
        chars.extend((char, start, end) for char in piece)
    text, spans = _collapse_spaces(chars)
    if text != normalize(raw):
        text = normalize(raw)
        spans = spans[: len(text)] + [(len(raw), len(raw))] * (len(text) - len(spans))
    return text, spans


def raw_span(raw: str, start: int, end: int) -> tuple[int, int]:
    """The raw (start, end) of the normalised span [start, end) of `raw`."""
    _, spans = normalize_with_offsets(raw)
    if not spans or start >= len(spans) or end <= start:
        return (0, 0)
    return spans[start][0], spans[min(end, len(spans)) - 1][1]


def _clusters(raw: str) -> list[tuple[int, int]]:
    clusters: list[tuple[int, int]] = []
    for index, char in enumerate(raw):
        if clusters and char >= "\u0300" and unicodedata.combining(char):  # none below U+0300
            clusters[-1] = (clusters[-1][0], index + 1)
        else:
            clusters.append((index, index + 1))
    return clusters


def _collapse_spaces(chars: list[tuple[str, int, int]]) -> tuple[str, list[tuple[int, int]]]:
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for char, start, end in chars:
        if char.isspace():
            pending = pending or (start, end)
            continue
        if pending and out:
            out.append(" ")
            spans.append(pending)
        pending = None
        out.append(char)
        spans.append((start, end))
    return "".join(out), spans
