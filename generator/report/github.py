"""GitHub Actions workflow commands, so each problem is marked on the pull request's diff."""

from __future__ import annotations

from generator.checker import CheckResult
from generator.diagnostics import Diagnostic
from generator.report.text import summary_line


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


def render(result: CheckResult) -> str:
    lines = [command(item) for item in result.diagnostics]
    lines.append(summary_line(result.summary))
    return "\n".join(lines) + "\n"
