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
    return schema


def fact_schema_text() -> str:
    return json.dumps(fact_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
