"""GitHub Actions workflow commands, so each problem is marked on the pull request's diff.

GitHub marks at most ten annotations of each kind (error, warning) per step. Every diagnostic
is printed anyway, those on lines the pull request changed first, so the ten marked ones are
the ones the author touched; a notice says how many are left unmarked.
"""

from __future__ import annotations

from generator.diagnostics import Diagnostic, Severity
from generator.report.text import summary_line
from generator.result import Outcome

#: Annotations GitHub shows on the diff, per kind and per step.
MARKED_PER_KIND = 10
#: Lines the pull request changed, by file path as the diagnostics name them.
ChangedLines = dict[str, set[int]]


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(item: Diagnostic) -> str:
    properties = ",".join(
        [
            f"file={escape_property(item.file)}",
            f"line={item.line}",
            f"col={item.column}",
            f"title={escape_property(item.code)}",
        ]
    )
    return f"::{item.severity.value} {properties}::{escape_data(item.message)}"


def changed_first(diagnostics: list[Diagnostic], changed: ChangedLines) -> list[Diagnostic]:
    """Diagnostics on changed lines first, each group in the contract's stable order."""
    return sorted(diagnostics, key=lambda item: item.line not in changed.get(item.file, ()))


def unmarked_notice(severity: Severity, count: int) -> str:
    unmarked = count - MARKED_PER_KIND
    kind = f"{severity.value}{'' if unmarked == 1 else 's'}"
    return (
        f"::notice::{unmarked} {kind} of {count} are not marked on the diff (GitHub marks "
        f"{MARKED_PER_KIND} per kind); the job summary lists them all"
    )


def render(result: Outcome, changed: ChangedLines | None = None) -> str:
    lines: list[str] = []
    for severity in Severity:
        mine = [item for item in result.diagnostics if item.severity is severity]
        lines.extend(command(item) for item in changed_first(mine, changed or {}))
        if len(mine) > MARKED_PER_KIND:
            lines.append(unmarked_notice(severity, len(mine)))
    lines.append(summary_line(result.summary))
    return "\n".join(lines) + "\n"
