"""The job summary of a pull request's check, in GitHub Markdown ($GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

from generator.authoring.diff import EntryDiff
from generator.authoring.diff_report import render_markdown
from generator.authoring.markdown import code, escape, table
from generator.report.text import not_read
from generator.result import Outcome


def render(result: Outcome, entries: list[EntryDiff] | None = None) -> str:
    """Figures, every diagnostic, and (given a base revision) what the pull request changes."""
    summary = result.summary
    verdict = "passed" if summary.errors == 0 else "failed"
    parts = [
        f"## Fact check {verdict}\n",
        table(
            ["facts checked", "quotes verified", "errors", "warnings"],
            [
                [
                    f"{summary.facts:,}",
                    f"{summary.quotes_verified:,} of {summary.quotes:,}",
                    f"{summary.errors:,}",
                    f"{summary.warnings:,}",
                ]
            ],
        ),
    ]
    if summary.files_not_read:
        parts.append(f"**Not checked:** {escape(not_read(summary))}\n")
    if result.diagnostics:
        parts.append(f"### Diagnostics ({len(result.diagnostics)})\n")
        rows = [
            [
                code(f"{item.file}:{item.line}:{item.column}"),
                f"{item.severity.value} {code(item.code)}",
                escape(item.message),
            ]
            for item in result.diagnostics
        ]
        parts.append(table(["where", "code", "message"], rows))
    if entries is not None:
        parts.append("### Facts this pull request adds, changes or removes\n")
        parts.append(render_markdown(entries))
    return "\n".join(parts)
