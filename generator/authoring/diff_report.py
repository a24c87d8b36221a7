"""The fact diff as a reviewer reads it: plain text for a terminal, Markdown for GitHub."""

from __future__ import annotations

from collections.abc import Callable

from generator.authoring.diff import KINDS, Change, Cited, EntryDiff
from generator.authoring.markdown import code, escape
from generator.authoring.wordmarks import marked_markdown, marked_text
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
            lines.extend(_cited_text(cited) for cited in entry.sources)
            lines.extend(f"    {change.field}: {_change_text(change)}" for change in entry.changes)
        lines.append("")
    return "\n".join(lines)


def _cited_text(cited: Cited) -> str:
    values = f" (values: {cited.values})" if cited.values else ""
    return f"    {cited.place}: {cited.doc} {_quoted(cited.quote)}{values}"


def _one_word(change: Change) -> bool:
    """A side missing, or both single words (a number, a path): shown old → new."""
    old, new = change.old, change.new
    return old is None or new is None or not (len(old.split()) > 1 or len(new.split()) > 1)


def _change_text(change: Change) -> str:
    """Old → new for single words; else the new value with the changed words marked."""
    if _one_word(change):
        return f"{_shown(change.old)} → {_shown(change.new)}"
    assert change.old is not None and change.new is not None
    return _quoted(marked_text(change.old, change.new))


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
            lines.extend(_cited_markdown(cited) for cited in entry.sources)
            lines.extend(
                f"  - {escape(change.field)}: {_change_markdown(change)}"
                for change in entry.changes
            )
        lines.append("")
    return "\n".join(lines)


def _cited_markdown(cited: Cited) -> str:
    values = f" (values: {escape(cited.values)})" if cited.values else ""
    return f"  - {escape(cited.place)}, {code(cited.doc)}: “{escape(cited.quote)}”{values}"


def _change_markdown(change: Change) -> str:
    if _one_word(change):
        return f"{_md(change.old)} → {_md(change.new)}"
    assert change.old is not None and change.new is not None
    return f"“{marked_markdown(change.old, change.new, escape)}”"


def _kinds(entries: list[EntryDiff]) -> list[str]:
    present = {entry.kind for entry in entries}
    return [kind for kind, _, _ in KINDS if kind in present]


def _quoted(value: str) -> str:
    """`value` in double quotes, inner ones and backslashes escaped, on one line."""
    return '"' + shown(value.replace("\\", "\\\\").replace('"', '\\"')) + '"'


def _shown(value: str | None) -> str:
    return "(none)" if value is None else _quoted(value)


def _md(value: str | None) -> str:
    return "*(none)*" if value is None else f"“{escape(value)}”"


RENDERER_BY_NAME: dict[str, Callable[[list[EntryDiff]], str]] = {
    "text": render_text,
    "markdown": render_markdown,
}
