"""Conflicting reports: sources of one fact that give different numbers for the same key."""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Fact


@dataclass(frozen=True, slots=True)
class Conflict:
    """One key of a fact's `values` and, per source (by index), the number it reports."""

    key: str
    reports: tuple[tuple[int, int], ...]


def fact_conflicts(fact: Fact) -> list[Conflict]:
    """Every key for which the fact's sources report more than one distinct number."""
    keys = sorted({key for source in fact.sources for key in source.values})
    conflicts = []
    for key in keys:
        reports = tuple(
            (index, source.values[key])
            for index, source in enumerate(fact.sources)
            if key in source.values
        )
        if len({value for _, value in reports}) > 1:
            conflicts.append(Conflict(key, reports))
    return conflicts
