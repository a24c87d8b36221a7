"""A new entry appended to corpus/sources.yml, every byte before it kept (comments, layout)."""

from __future__ import annotations

import json
import re

from generator.load.yaml import load_bytes

#: The fields of an entry, in the order the file writes them.
FIELD_ORDER = (
    "id",
    "title",
    "outlet",
    "author",
    "published",
    "url",
    "archived_url",
    "retrieved",
    "sha256",
)
_ITEM = re.compile(rb"^([ ]*)- ", re.MULTILINE)


class LayoutError(ValueError):
    """sources.yml is not laid out as a block list under `documents:` that ends the file."""


def appended(sources: bytes, fields: dict[str, str]) -> bytes:
    """The bytes of sources.yml with an entry for `fields` after the last one."""
    match = _ITEM.search(sources)
    indent = match.group(1).decode() if match else "  "
    body = sources if sources.endswith(b"\n") or not sources else sources + b"\n"
    if not match and body.rstrip().endswith(b"[]"):  # `documents: []`: the list begins now
        body = body.rstrip()[: -len(b"[]")].rstrip() + b"\n"
    result = body + entry_text(fields, indent).encode("utf-8")
    _verify(sources, result, fields)
    return result


def entry_text(fields: dict[str, str], indent: str = "  ") -> str:
    """`- id: ...` and one `key: value` line a field, in FIELD_ORDER."""
    lines: list[str] = []
    for name in FIELD_ORDER:
        if fields.get(name):
            lead = f"{indent}- " if not lines else f"{indent}  "
            lines.append(f"{lead}{name}: {scalar(fields[name])}\n")
    return "".join(lines)


def scalar(value: str) -> str:
    """`value` as a YAML scalar: plain when the project's loader reads it back unchanged,
    double-quoted (JSON escapes, valid YAML) otherwise."""
    if "\n" not in value and value == value.strip() and _reads_back(value):
        return value
    return json.dumps(value, ensure_ascii=False)


def _reads_back(value: str) -> bool:
    loaded = load_bytes(f"k:\n  - v: {value}\n".encode(), "value", frozenset({"k"}))
    if loaded.diagnostics or len(loaded.items) != 1:
        return False
    return bool(loaded.items[0].data == {"v": value})


def _verify(before: bytes, after: bytes, fields: dict[str, str]) -> None:
    """The new file lists what the old one did, then exactly `fields`."""
    old = load_bytes(before, "sources.yml", frozenset({"documents"}))
    new = load_bytes(after, "sources.yml", frozenset({"documents"}))
    old_items = [item.data for item in old.items]
    new_items = [item.data for item in new.items]
    if new.diagnostics or new_items != [*old_items, dict(fields)]:
        raise LayoutError(
            "sources.yml does not end with its `documents:` list (or cannot be read): "
            "append the entry by hand, or move the list to the end of the file"
        )
