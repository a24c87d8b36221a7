"""Raw YAML items -> validated model objects, with schema errors at their file:line."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.diagnostics import Diagnostic
from generator.yamlload import RawItem, YamlPath, shown

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True, slots=True)
class Entry(Generic[M]):
    """A validated object with the raw item it came from (for positions)."""

    model: M
    raw: RawItem

    def diagnostic(
        self, path: YamlPath, code: str, message: str, *, key: bool = False
    ) -> Diagnostic:
        line, column = self.raw.at(path, key=key)
        return Diagnostic(self.raw.file, line, column, code, message, _item_id(self.raw))


def validate_item(raw: RawItem, model: type[M]) -> tuple[Entry[M] | None, list[Diagnostic]]:
    """Validate one item; an invalid item yields diagnostics and no entry."""
    try:
        return Entry(model.model_validate(raw.data), raw), []
    except ValidationError as error:
        return None, [_schema_diagnostic(raw, model, detail) for detail in error.errors()]


def _schema_diagnostic(raw: RawItem, model: type[BaseModel], detail: ErrorDetails) -> Diagnostic:
    path = tuple(detail["loc"])
    is_key = detail["type"] == "extra_forbidden"
    line, column = raw.at(path, key=is_key)
    message = shown(_message(model, path, detail))
    return Diagnostic(raw.file, line, column, "schema", message, _item_id(raw))


def _message(model: type[BaseModel], path: YamlPath, detail: ErrorDetails) -> str:
    where = ".".join(str(part) for part in path) or "entry"
    kind = detail["type"]
    if kind == "extra_forbidden":
        return _unknown_field(model, path)
    if kind == "missing":
        return f"missing required field '{where}'"
    if kind == "string_pattern_mismatch":
        return f"'{where}' {_pattern_hint(path, detail['input'])}"
    if kind == "string_type" and detail["input"] is None:
        return f"'{where}' is empty; give it a value"
    if kind == "string_type":
        return f"'{where}' must be a single text value, not a {_kind_of(detail['input'])}"
    if kind == "model_type":
        return f"'{where}' must be a mapping of fields, not a {_kind_of(detail['input'])}"
    if kind == "list_type":
        return f"'{where}' must be a list, like [AU, FR]"
    if kind == "literal_error":
        return f"'{where}' must be one of: {detail['ctx']['expected']}"
    if kind == "too_short":
        return f"'{where}' needs at least one entry"
    message = detail["msg"].removeprefix("Value error, ")
    return f"'{where}': {message}"


def _unknown_field(model: type[BaseModel], path: YamlPath) -> str:
    name = str(path[-1])
    owner = _model_at(model, path[:-1])
    allowed = list(owner.model_fields) if owner else []
    close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"allowed: {', '.join(allowed)}"
    return f"unknown field '{name}'; {hint}"


def _model_at(model: type[BaseModel], path: YamlPath) -> type[BaseModel] | None:
    current: Any = model
    for part in path:
        if isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        if field is None:
            return None
        current = field.annotation
        args = getattr(current, "__args__", None)
        if args:
            current = args[0]
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _pattern_hint(path: YamlPath, value: object) -> str:
    field = next((part for part in reversed(path) if isinstance(part, str)), "")
    hints = {
        "id": "must be a lowercase slug of letters, digits and hyphens, like 'au-aircraft-pledge'",
        "event": "must be an event id: a lowercase slug, like 'paris-conference-2014'",
        "code": "must be an ISO 3166-1 alpha-2 code in capitals, like 'AU' (quote \"NO\")",
        "countries": "must be an ISO 3166-1 alpha-2 code in capitals, like 'AU'",
        "date": "must be a date written YYYY-MM-DD, or YYYY-MM when only the month is known",
        "doc": "must be a corpus document id: the file name without .txt, no paths",
        "retrieved": "must be the day the copy was saved, written YYYY-MM-DD",
    }
    return f"is '{value}': " + hints.get(field, "has the wrong form")


def _kind_of(value: object) -> str:
    if isinstance(value, list):
        return "list"
    return "mapping" if isinstance(value, dict) else type(value).__name__


def _item_id(raw: RawItem) -> str | None:
    data = raw.data
    if isinstance(data, dict):
        ident = data.get("id", data.get("code"))
        return ident if isinstance(ident, str) else None
    return None
