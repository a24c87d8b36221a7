"""One reporter per output format, each turning a check result into text; `render` is the
one place that picks the reporter of a format."""

from __future__ import annotations

from collections.abc import Callable

from generator.report import github, json_report, text
from generator.result import Outcome

Reporter = Callable[[Outcome], str]

REPORTER_BY_NAME: dict[str, Reporter] = {
    "text": text.render,
    "json": json_report.render,
    "github": github.render,
}


def render(
    outcome: Outcome, output_format: str, changed_lines: dict[str, set[int]] | None = None
) -> str:
    """The report of `outcome` in `output_format` (one of REPORTER_BY_NAME); `changed_lines`
    (by file, from a pull request's diff): the annotations on them come first (github)."""
    if output_format == "github":
        return github.render(outcome, changed_lines)
    return REPORTER_BY_NAME[output_format](outcome)
