"""The JSON Schema of the fact files, generated from the model (for editors and downloads)."""

from __future__ import annotations

import json
from typing import Any

from generator.model import FactFile

SCHEMA_ID = "https://factsheet.invalid/schema/facts.schema.json"


def fact_schema() -> dict[str, Any]:
    """JSON Schema (Draft 2020-12) of one file under facts/."""
    schema = FactFile.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Fact sheet: countries, events and facts"
    _allow_bare_years(schema)
    return schema


def _allow_bare_years(schema: dict[str, Any]) -> None:
    """A date may be a year alone, `date: 2014`: the checker reads it as the text `2014`, but
    YAML readers in editors take it as an integer."""
    for name in ("Event", "Fact"):
        date = schema["$defs"][name]["properties"]["date"]
        date["anyOf"].insert(1, {"type": "integer", "minimum": 1000, "maximum": 9999})


def fact_schema_text() -> str:
    return json.dumps(fact_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
