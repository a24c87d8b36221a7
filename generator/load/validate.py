"""Raw YAML items -> validated model objects, with schema errors at their file:line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.diagnostics import Diagnostic
from generator.load.wording import did_you_mean, spoken_path
from generator.load.yaml import RawItem, YamlPath, shown
from generator.model import CODE_PATTERN, SLUG_PATTERN

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
        details = _one_per_mistake(model, error.errors())
        return None, [_schema_diagnostic(raw, model, detail) for detail in details]


def _one_per_mistake(model: type[BaseModel], details: list[ErrorDetails]) -> list[ErrorDetails]:
    """Without the "missing" field that an unknown field beside it misspells (`qoute:` is one
    mistake, told once: at the misspelt key)."""
    misspelt = set()
    for detail in details:
        if detail["type"] == "extra_forbidden":
            path = tuple(detail["loc"])
            meant = _closest_field(model, path)
            if meant is not None:
                misspelt.add((*path[:-1], meant))
    return [
        detail
        for detail in details
        if not (detail["type"] == "missing" and tuple(detail["loc"]) in misspelt)
    ]


def count_problems(raw: RawItem, model: type[M]) -> tuple[Entry[M] | None, int]:
    """`validate_item`, counting the problems without making diagnostics of them."""
    try:
        return Entry(model.model_validate(raw.data), raw), 0
    except ValidationError as error:
        return None, error.error_count()


def _schema_diagnostic(raw: RawItem, model: type[BaseModel], detail: ErrorDetails) -> Diagnostic:
    path = tuple(detail["loc"])
    is_key = detail["type"] == "extra_forbidden"
    line, column = raw.at(path, key=is_key)
    message = shown(_message(model, path, detail))
    return Diagnostic(raw.file, line, column, "schema", message, _item_id(raw))


def _message(model: type[BaseModel], path: YamlPath, detail: ErrorDetails) -> str:
    where = spoken_path(path)
    kind = detail["type"]
    if kind == "extra_forbidden":
        return _unknown_field(model, path)
    if kind == "missing":
        return f"{where} is missing; add it"
    if kind == "string_pattern_mismatch":
        return f"{where} {_pattern_hint(path, detail['input'])}"
    if kind in ("string_type", "literal_error") and detail["input"] is None:
        return f"{where} is empty; give it a value"
    if kind in _SHAPES:
        return f"{where} must be {_SHAPES[kind](path, detail['input'])}"
    if kind == "literal_error":
        return f"{where} is '{detail['input']}'; {_one_of(detail)}"
    if kind == "too_short":
        return f"{where} needs at least one entry"
    if kind == "string_too_long":
        return f"{where} is longer than {detail['ctx']['max_length']} characters; shorten it"
    message = detail["msg"].removeprefix("Value error, ")
    return f"{where}: {message}"


#: How a list of each field is written.
LIST_EXAMPLES = {"sources": "'- doc: ...' lines under it", "aliases": "[Australian, Aussie]"}

#: What a value of the wrong shape should be, by pydantic's error type.
_SHAPES: dict[str, Callable[[YamlPath, object], str]] = {
    "string_type": lambda path, value: f"a single text value, not a {_kind_of(value)}",
    "model_type": lambda path, value: (
        f"a mapping of fields ({'doc: and quote:' if path[:1] == ('sources',) else 'key: value'}"
        f" lines), not a {_kind_of(value)}"
    ),
    "dict_type": lambda path, value: "a mapping of names to numbers, like {aircraft: 8}",
    "list_type": lambda path, value: (
        f"a list, like {LIST_EXAMPLES.get(str(path[-1]) if path else '', '[AU, FR]')}"
    ),
}


def _one_of(detail: ErrorDetails) -> str:
    allowed = re.findall(r"'([^']*)'", str(detail.get("ctx", {}).get("expected", "")))
    close = did_you_mean(str(detail["input"]), allowed)
    hint = f"did you mean '{close}'? " if close else ""
    return f"{hint}it must be one of: {detail['ctx']['expected']}"


def _closest_field(model: type[BaseModel], path: YamlPath) -> str | None:
    owner = _model_at(model, path[:-1])
    allowed = list(owner.model_fields) if owner else []
    close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_field(model: type[BaseModel], path: YamlPath) -> str:
    name = str(path[-1])
    owner = _model_at(model, path[:-1])
    allowed = list(owner.model_fields) if owner else []
    close = _closest_field(model, path)
    hint = f"did you mean '{close}'?" if close else f"allowed: {', '.join(allowed)}"
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
    if field == "[key]" and str(value)[:1].isdigit():
        return (
            f"is '{value}': a key made of digits is what a comma inside a number leaves in a "
            "flow mapping {...} ({fighters: 27,600} is two entries); write the value in block "
            "style (fighters: more than 27,600 on its own line) or quote it"
        )
    hints = {
        "id": "must be a lowercase slug of letters, digits and hyphens, like 'au-aircraft-pledge'",
        "event": "must be an event id: a lowercase slug, like 'paris-conference-2014'",
        "code": "must be an ISO 3166-1 alpha-2 code in capitals, like 'AU' (quote \"NO\")",
        "countries": "must be an ISO 3166-1 alpha-2 code in capitals, like 'AU'",
        "date": "must be a date written YYYY-MM-DD, YYYY-MM or YYYY (as precise as the quote)",
        "doc": "must be a corpus document id: the file name without .txt, no paths",
        "retrieved": "must be the day the copy was saved, written YYYY-MM-DD",
        "[key]": "must be a lowercase name of letters, digits and _, like 'aircraft'",
    }
    meant = _corrected(field, str(value))
    hint = f"did you mean '{meant}'? it " if meant else ""
    named = field == "countries" and not meant and len(str(value)) > 3
    code = " (the code: of its countries: entry, not its name)" if named else ""
    return f"is '{value}': " + hint + hints.get(field, "has the wrong form") + code


def _corrected(field: str, value: str) -> str | None:
    """The value as it was likely meant: a code in capitals, a slug or name in lowercase."""
    if field in ("code", "countries"):
        candidate = value.strip().upper()
        return candidate if re.fullmatch(CODE_PATTERN, candidate) else None
    if field in ("id", "event"):
        candidate = re.sub(r"[^a-z0-9]+", "-", value.strip().lower()).strip("-")
        return candidate if re.fullmatch(SLUG_PATTERN, candidate) else None
    if field == "[key]":
        candidate = re.sub(r"[^a-z0-9]+", "_", value.strip().lower()).strip("_")
        return candidate if re.fullmatch(r"[a-z][a-z0-9_]*", candidate) else None
    return None


def _kind_of(value: object) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, str):
        return f"text ('{value[:40]}{'…' if len(value) > 40 else ''}')"
    return "mapping" if isinstance(value, dict) else type(value).__name__


def _item_id(raw: RawItem) -> str | None:
    data = raw.data
    if isinstance(data, dict):
        ident = data.get("id", data.get("code"))
        return ident if isinstance(ident, str) else None
    return None
