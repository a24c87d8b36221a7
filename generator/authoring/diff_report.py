"""The fact diff as a reviewer reads it: plain text for a terminal, Markdown for GitHub."""

from __future__ import annotations

from collections.abc import Callable

from generator.authoring.diff import KINDS, EntryDiff
from generator.authoring.markdown import code, escape
from generator.diagnostics import shown

MARK = {"added": "+", "removed": "-", "changed": "~"}
PLURAL = {"fact": "facts", "event": "events", "country": "countries"}


def counts(entries: list[EntryDiff], kind: str) -> str:
    """`1 added, 2 changed, 0 removed` for one kind of entry."""
    mine = [entry for entry in entries if entry.kind == kind]
    return ", ".join(
        f"{sum(entry.status == status for entry in mine)} {status}"
        for status in ("added", "changed", "removed")
    )


def render_text(entries: list[EntryDiff]) -> str:
    if not entries:
        return "No fact, event or country added, changed or removed.\n"
    lines: list[str] = []
    for kind in _kinds(entries):
        lines.append(f"{PLURAL[kind].capitalize()}: {counts(entries, kind)}")
        for entry in (item for item in entries if item.kind == kind):
            title = shown(entry.title)
            lines.append(f"{MARK[entry.status]} {kind} {entry.id} ({shown(entry.file)}): {title}")
            lines.extend(
                f"    {change.field}: {_shown(change.old)} → {_shown(change.new)}"
                for change in entry.changes
            )
        lines.append("")
    return "\n".join(lines)


def render_markdown(entries: list[EntryDiff]) -> str:
    if not entries:
        return "No fact, event or country added, changed or removed.\n"
    lines: list[str] = []
    for kind in _kinds(entries):
        lines.append(f"#### {PLURAL[kind].capitalize()}: {counts(entries, kind)}\n")
        for entry in (item for item in entries if item.kind == kind):
            lines.append(
                f"- **{entry.status}** {code(entry.id)} in {code(entry.file)}: "
                f"{escape(entry.title)}"
            )
            lines.extend(
                f"  - {code(change.field)}: {_md(change.old)} → {_md(change.new)}"
                for change in entry.changes
            )
        lines.append("")
    return "\n".join(lines)


def _kinds(entries: list[EntryDiff]) -> list[str]:
    present = {entry.kind for entry in entries}
    return [kind for kind, _, _ in KINDS if kind in present]


def _shown(value: str | None) -> str:
    return "(none)" if value is None else f'"{shown(value)}"'


def _md(value: str | None) -> str:
    return "*(none)*" if value is None else f"“{escape(value)}”"


RENDERER_BY_NAME: dict[str, Callable[[list[EntryDiff]], str]] = {
    "text": render_text,
    "markdown": render_markdown,
}
