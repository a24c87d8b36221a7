"""The fact sheet as data: facts.json, facts.csv (one row per fact source) and the schema."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.checker import CheckResult
from generator.schema import fact_schema_text

CSV_COLUMNS = (
    "fact_id",
    "topic",
    "date",
    "event",
    "countries",
    "claim",
    "doc",
    "outlet",
    "published",
    "quote",
    "values",
    "source_title",
    "fact_url",
)
EVENT_COLUMNS = (
    "event_id",
    "name",
    "date",
    "place",
    "countries",
    "doc",
    "source_title",
    "outlet",
    "published",
    "quote",
    "event_url",
)
#: Characters that make a spreadsheet read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def downloads(result: CheckResult, urls: dict[str, str] | None = None) -> dict[str, str]:
    """The download files, keyed by their path under docs/.

    `urls` maps `fact:ID` and `event:ID` to the address of its page, for the CSV files.
    """
    return {
        "downloads/facts.json": facts_json(result),
        "downloads/facts.csv": facts_csv(result, urls),
        "downloads/events.csv": events_csv(result, urls),
        "downloads/facts.schema.json": fact_schema_text(),
    }


def facts_json(result: CheckResult) -> str:
    """Every country, event and fact as the curators wrote them, with the check's summary."""
    base = result.context.base
    data: dict[str, Any] = {
        "summary": result.summary.to_dict(),
        "countries": [entry.model.model_dump(mode="json") for entry in base.countries],
        "events": [entry.model.model_dump(mode="json") for entry in base.events],
        "facts": [entry.model.model_dump(mode="json") for entry in base.facts],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def facts_csv(result: CheckResult, urls: dict[str, str] | None = None) -> str:
    """One row per source of every fact; cells that would run as formulas are defused."""
    urls = urls or {}
    metas = {doc_id: document.meta for doc_id, document in result.context.corpus.documents.items()}
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for entry in result.context.base.facts:
        fact = entry.model
        for source in fact.sources:
            meta = metas.get(source.doc)
            values = "; ".join(f"{key}={value}" for key, value in sorted(source.values.items()))
            row = [
                fact.id,
                fact.topic,
                fact.date or "",
                fact.event or "",
                " ".join(fact.countries),
                fact.claim,
                source.doc,
                (meta.outlet if meta else None) or "",
                (meta.published if meta else None) or "",
                source.quote,
                values,
                (meta.title if meta else None) or "",
                urls.get(f"fact:{fact.id}", ""),
            ]
            writer.writerow([safe_cell(cell) for cell in row])
    return stream.getvalue()


def events_csv(result: CheckResult, urls: dict[str, str] | None = None) -> str:
    """One row per source of every event (the quotes that date and place it)."""
    urls = urls or {}
    metas = {doc_id: document.meta for doc_id, document in result.context.corpus.documents.items()}
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(EVENT_COLUMNS)
    for entry in result.context.base.events:
        event = entry.model
        for source in event.sources:
            meta = metas.get(source.doc)
            row = [
                event.id,
                event.name,
                event.date or "",
                event.place or "",
                " ".join(event.countries),
                source.doc,
                (meta.title if meta else None) or "",
                (meta.outlet if meta else None) or "",
                (meta.published if meta else None) or "",
                source.quote,
                urls.get(f"event:{event.id}", ""),
            ]
            writer.writerow([safe_cell(str(cell)) for cell in row])
    return stream.getvalue()


def safe_cell(text: str) -> str:
    """Prefix a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`...) with a quote mark."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
