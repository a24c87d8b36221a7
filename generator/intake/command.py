"""`python -m generator add`: show what was extracted, then write it, or say why not."""

from __future__ import annotations

import sys
from pathlib import Path

from generator.intake.extract import Extracted
from generator.intake.plan import Plan, Refusal, Request, plan_add
from generator.intake.store import NotWritten, write_plan
from generator.load.yaml import shown

METADATA = ("title", "outlet", "author", "published", "url")


def run_add(request: Request) -> int:
    """0 added, 1 refused (nothing written), 2 could not run."""
    if not request.corpus.is_dir():
        print(f"error: --corpus {request.corpus} is not a folder", file=sys.stderr)
        return 2
    try:
        raw = request.path.read_bytes()
    except OSError as error:
        print(f"error: cannot read {request.path}: {error.strerror}", file=sys.stderr)
        return 2
    planned = plan_add(request, raw)
    if planned.extracted is not None:
        sys.stdout.write(describe(request.path, planned.extracted, planned))
    if isinstance(planned, Refusal):
        print(f"refused: {planned.message}; nothing was written", file=sys.stderr)
        return 1
    try:
        written = write_plan(planned, request.corpus)
    except NotWritten as error:
        print(f"refused: {error}", file=sys.stderr)
        return 1
    sys.stdout.write(added(written, planned, request.corpus))
    return 0


def describe(path: Path, extracted: Extracted, planned: Plan | Refusal) -> str:
    """What was found in the file, for the curator to see it is the article."""
    shown_fields = dict.fromkeys(METADATA, "")
    shown_fields.update({name: getattr(extracted, name) or "" for name in METADATA})
    if isinstance(planned, Plan):
        shown_fields.update({name: planned.entry.get(name, "") for name in METADATA})
    lines = [f"Extracted from {path} ({extracted.kind}):"]
    for name, value in shown_fields.items():
        text = shown(value) + _note(name, planned, extracted) if value else "(not found)"
        lines.append(f"  {name + ':':<11} {text}")
    count = len(extracted.paragraphs)
    lines.append(f"  {'paragraphs:':<11} {count} ({extracted.words} words)")
    if extracted.paragraphs:
        lines.append(f"  {'first:':<11} {_clip(extracted.paragraphs[0])}")
        lines.append(f"  {'last:':<11} {_clip(extracted.paragraphs[-1])}")
    missing = [name for name in METADATA if not shown_fields[name]]
    if missing:
        lines.append(f"Not found, so left out (never guessed): {', '.join(missing)}")
    return "\n".join(lines) + "\n"


def _note(name: str, planned: Plan | Refusal, extracted: Extracted) -> str:
    if not isinstance(planned, Plan):
        return ""
    if name == "url":
        return "  (given with --url)" if planned.url_given else "  (the page's own address)"
    if name == "title" and planned.entry["title"] != extracted.title:
        return "  (given with --title)"
    return ""


def added(written: Path, plan: Plan, corpus: Path) -> str:
    sources = corpus / "sources.yml"
    return (
        f"Added {written} and its entry in {sources} "
        f"(sha256 {plan.entry['sha256'][:16]}…, retrieved {plan.entry['retrieved']}).\n"
        f"Next: find a sentence to quote with "
        f"`python -m generator quote WORDS --doc {plan.doc_id}`.\n"
    )


def _clip(text: str, width: int = 100) -> str:
    text = shown(text)
    return text if len(text) <= width else text[: width - 1] + "…"
