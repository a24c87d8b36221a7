"""The fact sheet as data: facts.json, facts.csv (one row per fact source) and the schema."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.corpus.documents import DocumentMeta
from generator.load.schema import fact_schema_text
from generator.model import Fact
from generator.quantity import Quantity
from generator.result import CheckResult
from generator.site.conflicts import key_reports

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
    "qualifier",
    "interval",
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
        "facts": [fact_data(entry.model) for entry in base.facts],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def fact_data(fact: Fact) -> dict[str, Any]:
    """A fact as written, each value with its qualifier and interval, and the verdict of every
    key two or more sources report."""
    data = fact.model_dump(mode="json")
    for source, written in zip(fact.sources, data["sources"], strict=True):
        written["values"] = [value_data(key, value) for key, value in source.values.items()]
    data["verdicts"] = {item.key: item.verdict for item in key_reports(fact)}
    return data


def value_data(key: str, value: Quantity) -> dict[str, Any]:
    return {
        "key": key,
        "text": value.text,
        "qualifier": value.qualifier,
        "meaning": value.meaning,
        "interval": value.interval_data(),
    }


def facts_csv(result: CheckResult, urls: dict[str, str] | None = None) -> str:
    """One row per source of every fact; cells that would run as formulas are defused."""
    urls = urls or {}
    metas = _metas(result)
    rows = []
    for entry in result.context.base.facts:
        fact = entry.model
        for source in fact.sources:
            meta = metas.get(source.doc)
            values = sorted(source.values.items())
            rows.append(
                [
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
                    "; ".join(f"{key}={value}" for key, value in values),
                    "; ".join(f"{key}={value.qualifier or value.meaning}" for key, value in values),
                    "; ".join(f"{key}={_interval(value)}" for key, value in values),
                    (meta.title if meta else None) or "",
                    urls.get(f"fact:{fact.id}", ""),
                ]
            )
    return _csv_text(CSV_COLUMNS, rows)


def _interval(value: Quantity) -> str:
    low, high = value.interval_data()
    return f"[{low}, {high}]" if high is not None else f"[{low}, ∞)"


def events_csv(result: CheckResult, urls: dict[str, str] | None = None) -> str:
    """One row per source of every event (the quotes that date and place it)."""
    urls = urls or {}
    metas = _metas(result)
    rows = []
    for entry in result.context.base.events:
        event = entry.model
        for source in event.sources:
            meta = metas.get(source.doc)
            rows.append(
                [
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
            )
    return _csv_text(EVENT_COLUMNS, rows)


def _metas(result: CheckResult) -> dict[str, DocumentMeta | None]:
    """The metadata of each corpus document, by id."""
    documents = result.context.corpus.documents
    return {doc_id: document.meta for doc_id, document in documents.items()}


def _csv_text(columns: tuple[str, ...], rows: list[list[str]]) -> str:
    """A CSV file (CRLF lines, as RFC 4180 says) of a header and rows, every cell defused."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows([safe_cell(str(cell)) for cell in row] for row in rows)
    return stream.getvalue()


def safe_cell(text: str) -> str:
    """Prefix a cell a spreadsheet would evaluate (`=`, `+`, `-`, `@`...) with a quote mark."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
