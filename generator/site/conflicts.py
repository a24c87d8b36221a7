"""Reports of one quantity compared: sources of one fact that give a value for the same key
agree (equal intervals), differ (overlapping: 8 and up to 10) or contradict (disjoint: 30
and 26)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from generator.model import Fact
from generator.quantity import Bound, Quantity

AGREE, DIFFER, CONTRADICT = "agree", "differ", "contradict"


@dataclass(frozen=True, slots=True)
class Conflict:
    """One key of a fact's `values`, per source (by index) the value it reports, and the
    verdict of comparing them."""

    key: str
    reports: tuple[tuple[int, Quantity], ...]
    verdict: str


def verdict(values: list[Quantity]) -> str:
    """`contradict` when two values allow no count in common, `differ` when two allow
    different counts, `agree` when all allow the same."""
    intervals = [value.interval for value in values]
    if any(_disjoint(a, b) for a, b in combinations(intervals, 2)):
        return CONTRADICT
    return AGREE if len(set(intervals)) == 1 else DIFFER


def _disjoint(a: tuple[Bound, Bound | None], b: tuple[Bound, Bound | None]) -> bool:
    (low_a, high_a), (low_b, high_b) = a, b
    return (high_a is not None and high_a < low_b) or (high_b is not None and high_b < low_a)


def key_reports(fact: Fact) -> list[Conflict]:
    """Every key reported by two or more of the fact's sources, with its verdict."""
    keys = sorted({key for source in fact.sources for key in source.values})
    found = []
    for key in keys:
        reports = tuple(
            (index, source.values[key])
            for index, source in enumerate(fact.sources)
            if key in source.values
        )
        if len(reports) > 1:
            found.append(Conflict(key, reports, verdict([value for _, value in reports])))
    return found


def fact_conflicts(fact: Fact) -> list[Conflict]:
    """The keys whose reports differ or contradict."""
    return [item for item in key_reports(fact) if item.verdict != AGREE]
