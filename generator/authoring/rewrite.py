"""Replacing quote values in a YAML file's text, leaving every other byte as it was.

Only the source span of each replaced scalar changes (found by PyYAML's marks); the new value
keeps the old quoting style where it can. The result is parsed again and refused unless exactly
the intended values changed, so a rewrite can never corrupt a file.
"""

from __future__ import annotations

import codecs
import json
import re

import yaml

from generator.authoring.quote import yaml_quoted

#: New scalar text by the (1-based) line and column where the old scalar starts.
Edits = dict[tuple[int, int], str]


class RewriteError(Exception):
    """The file could not be rewritten safely; it is left as it was."""


def rewrite_scalars(raw: bytes, edits: Edits, expected: Edits | None = None) -> bytes:
    """`raw` with the scalars starting at the given positions replaced by new values;
    `expected`: the values those scalars must hold now (else nothing is rewritten)."""
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RewriteError("the file is not UTF-8") from None
    nodes = _scalars(text)
    for position in sorted(edits, reverse=True):
        node = nodes.get(position)
        if node is None:
            raise RewriteError(f"no value at line {position[0]}, column {position[1]}")
        if expected is not None and expected.get(position, node.value) != node.value:
            raise RewriteError(f"line {position[0]} no longer holds the quote that was checked")
        start, end = node.start_mark.index, node.end_mark.index
        if node.style in ("|", ">"):
            end = start + len(text[start:end].rstrip())
        text = text[:start] + _scalar(edits[position], node.style) + text[end:]
    _verify(raw.decode("utf-8-sig"), text, edits)
    return bom + text.encode("utf-8")


#: A byte order mark at the start of a line, which libyaml (the checker's parser) skips as it
#: would a space, and PyYAML's pure-Python parser reads as the start of a value.
_LINE_START_BOM = re.compile("(^|[\r\x85\u2028\u2029])\ufeff", re.MULTILINE)


def _as_libyaml_reads(text: str) -> str:
    """`text` with each line-starting BOM a space: the same length, and for the pure-Python
    parser the same structure and columns the checker saw."""
    return _LINE_START_BOM.sub(lambda found: found.group(1) + " ", text)


def _scalars(text: str) -> dict[tuple[int, int], yaml.ScalarNode]:
    # The pure-Python loader: its mark indexes count characters of `text`.
    try:
        root = yaml.compose(_as_libyaml_reads(text), Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        raise RewriteError(f"the file does not parse as the checker read it: {error}") from None
    found: dict[tuple[int, int], yaml.ScalarNode] = {}
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.ScalarNode):
            found[(node.start_mark.line + 1, node.start_mark.column + 1)] = node
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            stack.extend(child for pair in node.value for child in pair)
    return found


def _scalar(value: str, style: str | None) -> str:
    """`value` as a one-line scalar in the old style: plain, single- or double-quoted."""
    if style == '"':
        return json.dumps(value, ensure_ascii=not value.isprintable())
    if style is None and _plain_safe(value):
        return value
    return yaml_quoted(value)


def _plain_safe(value: str) -> bool:
    """Whether `value` reads back as itself unquoted, in a block mapping and in a flow list."""
    if "\n" in value:
        return False
    try:
        block = yaml.compose(f"key: {value}\n", Loader=yaml.SafeLoader)
        flow = yaml.compose(f"[{value}]\n", Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return False
    assert isinstance(block, yaml.MappingNode) and isinstance(flow, yaml.SequenceNode)
    read = [block.value[0][1], *flow.value]
    return len(read) == 2 and all(
        isinstance(node, yaml.ScalarNode) and node.style is None and node.value == value
        for node in read
    )


def _verify(old_text: str, new_text: str, edits: Edits) -> None:
    """Every scalar is unchanged except the edited ones, which hold their new values."""
    try:
        after = [node.value for node in _ordered(new_text)]
    except RewriteError as error:
        raise RewriteError(f"the rewritten file would not parse: {error}") from None
    before = _ordered(old_text)
    expected = [edits.get(_position(node), node.value) for node in before]
    if after != expected:
        raise RewriteError("the rewritten file would differ in more than the quotes")


def _ordered(text: str) -> list[yaml.ScalarNode]:
    return sorted(_scalars(text).values(), key=lambda node: node.start_mark.index)


def _position(node: yaml.ScalarNode) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)
