"""The Atom feed of the Changes page: one entry per commit of the fact files."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from generator.site.buildinfo import BuildInfo
from generator.site.history import History, Revision

STATUSES = ("added", "changed", "removed")


def atom_feed(history: History, build: BuildInfo) -> str:
    """An Atom 1.0 document; links are relative to the feed (absolute with site_url)."""
    base = build.site_url.rstrip("/") + "/" if build.site_url else ""
    updated = history.revisions[0].date if history.revisions else f"{build.built}T00:00:00Z"
    head = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"<title>{escape(build.site_name)}: changes to the facts</title>",
        f"<id>{escape(base or 'urn:factsheet:')}changes.xml</id>",
        f"<link href={quoteattr(base + 'changes.html')}/>",
        f"<updated>{escape(updated)}</updated>",
        f"<author><name>{escape(build.site_name)}</name></author>",
    ]
    entries = [_entry(revision, base) for revision in history.revisions]
    return "\n".join(head + entries + ["</feed>", ""])


def _entry(revision: Revision, base: str) -> str:
    summary = ", ".join(f"{revision.count('fact', status)} facts {status}" for status in STATUSES)
    items = "".join(
        f"<li>{change.status} {change.kind} {escape(change.id)}: {escape(change.title)}</li>"
        for change in revision.changes
    )
    link = base + f"changes.html#commit-{revision.commit[:12]}"
    return (
        f"<entry><id>urn:git:{revision.commit}</id>"
        f"<title>{escape(revision.subject)}</title>"
        f"<link href={quoteattr(link)}/>"
        f"<updated>{escape(revision.date)}</updated>"
        f"<summary>{escape(summary)}</summary>"
        f'<content type="html">{escape(f"<ul>{items}</ul>")}</content></entry>'
    )
