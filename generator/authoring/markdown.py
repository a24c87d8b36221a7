"""Markdown for GitHub (job summaries, diff reports): text that cannot turn into markup."""

from __future__ import annotations

import html
import re

from generator.diagnostics import shown

_SPECIAL = re.compile(r"([\\`*_\[\]{}|~#!])")


def escape(text: str) -> str:
    """Plain text safe in a Markdown paragraph or table cell: no HTML, no markup, one line."""
    return _SPECIAL.sub(r"\\\1", html.escape(shown(" ".join(text.split())), quote=False))


def code(text: str) -> str:
    """Inline code for an id or path (backticks become quotes; pipes escaped for tables)."""
    return "`" + shown(text).replace("`", "'").replace("|", "\\|") + "`"


def table(header: list[str], rows: list[list[str]]) -> str:
    """A GitHub table of cells that are already escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(lines) + "\n"
