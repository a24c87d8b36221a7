"""One reporter per output format, each turning a check result into text."""

from __future__ import annotations

from collections.abc import Callable

from generator.check.pipeline import Outcome
from generator.report import github, json_report, text

Reporter = Callable[[Outcome], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
}
