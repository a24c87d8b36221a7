"""`FILE:LINE:COL: SEVERITY[CODE] MESSAGE`, one line a diagnostic, then what was checked."""

from __future__ import annotations

from generator.result import Outcome, Summary


def render(result: Outcome) -> str:
    lines = [
        f"{item.file}:{item.line}:{item.column}: {item.severity.value}[{item.code}] {item.message}"
        for item in result.diagnostics
    ]
    lines.append(summary_line(result.summary))
    return "\n".join(lines) + "\n"


def summary_line(summary: Summary) -> str:
    def plural(count: int, word: str) -> str:
        return f"{count:,} {word}{'' if count == 1 else 's'}"

    return (
        f"Checked {plural(summary.facts, 'fact')}, {plural(summary.events, 'event')} and "
        f"{plural(summary.countries, 'country').replace('countrys', 'countries')} against "
        f"{plural(summary.documents, 'document')}: {summary.quotes_verified:,} of "
        f"{plural(summary.quotes, 'quote')} verified; "
        f"{plural(summary.errors, 'error')}, {plural(summary.warnings, 'warning')}."
        + not_read(summary)
    )


def not_read(summary: Summary) -> str:
    """ " N files could not be read (about M facts in them not checked).", or ""."""
    files = summary.files_not_read
    if not files:
        return ""
    facts = summary.facts_not_read
    them = "it" if files == 1 else "them"
    held = (
        f"about {facts:,} fact{'' if facts == 1 else 's'} in {them} not checked"
        if facts
        else f"no fact could be made out in {them}"
    )
    return f" {files:,} file{' ' if files == 1 else 's '}could not be read ({held})."
