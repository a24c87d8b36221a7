"""Strict YAML loading that keeps the file, line and column of every value.

Fact files are untrusted. Every plain scalar stays the string it was written as (so `NO` is
Norway, not `false`, and `0755` is not 493); only `~`, `null` and an empty value mean null.
Anchors, aliases, tags, merge keys, complex keys and multiple documents are refused, and deep
nesting is refused before libyaml's recursive composer can see it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.diagnostics import MAX_PER_FILE, Diagnostic, Omitted
from generator.diagnostics import shown as shown  # re-exported: validate and factbase use it
from generator.load.wording import did_you_mean
from generator.load.yamlhints import SyntaxError_, hint

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 32
NULLS = frozenset({"", "~", "null", "Null", "NULL"})

#: Line, column of a value and line, column of its key (1-based); list items repeat the value's.
Pos = tuple[int, int, int, int]
#: Keys and list indexes leading from an item to one of its values.
YamlPath = tuple[str | int, ...]

# Anything that could be an anchor, alias, tag, merge key, directive, document marker, complex
# key or deep nesting sends the file through the slower event scan, which knows for sure.
# The regex engine skips ahead to a given first character many times faster than to any of a
# class, and `in` faster still: so each pattern starts with one character, and runs only when
# that character occurs. This one is searched in "\n" + text, so that "\n" means a line start.
_SUSPICIOUS_AT_LINE_START = re.compile(r"\n(?:---|\.\.\.|%|[ ]{40}|[ ]*\?(?:[ ]|$))", re.MULTILINE)
# An anchor, alias or tag is a token of its own: it never follows a letter, digit or "_" (a
# token begins after a space, a line break, an indicator like `[{,:?-`, or a quote closing a
# JSON-like key: `{"key":&a ...}`). So any other "&", "*" or "!" is suspicious, however the
# file is spelled: only the "&" of "R&D" or the "!" of "Hello!" is let through unscanned.
_SUSPICIOUS_AFTER = {
    char: re.compile(pattern, re.MULTILINE)
    for char, pattern in {
        "&": r"(?<!\w)&",  # an anchor
        "*": r"(?<!\w)\*",  # an alias
        "!": r"(?<!\w)!",  # a tag
        "<": r"<<",  # a merge key
        "[": r"\[[^\]}\n]*(?:[\[{]|$)",  # flow collections nested (or left open) on one line
        "{": r"\{[^\]}\n]*(?:[\[{]|$)",
        "-": r"-[ ]+[-?](?:[ ]|$)",  # block collections nested on one line, or complex keys
        "?": r"\?[ ]+[-?](?:[ ]|$)",
        ":": r":[ ]+[-?](?:[ ]|$)",
    }.items()
}


# The patterns above cannot tell a real `]` from one in a quote or a comment (`["]", ["]", ...`
# nests while looking closed), so they alone do not bound flow nesting; the number of openers
# does. Past this many, the scan decides (well below the depth at which the recursive composer
# and converter fail).
FLOW_OPENERS_UNSCANNED = 256


# YAML ends a line at "\r", NEL, LS and PS as well as at "\n": the line-start pattern above
# only knows "\n" (and "\r\n"), so a file with any other line break is scanned. `in` looks
# for one character many times faster than a regex of a class does in non-ASCII text.
_LONE_CR = re.compile("\r(?!\n)")


def _other_line_break(text: str) -> bool:
    if "\x85" in text or "\u2028" in text or "\u2029" in text:
        return True
    return "\r" in text and _LONE_CR.search(text) is not None


def _suspicious(text: str) -> bool:
    if text.count("[") + text.count("{") > FLOW_OPENERS_UNSCANNED:
        return True
    if _other_line_break(text):
        return True
    if _SUSPICIOUS_AT_LINE_START.search("\n" + text):
        return True
    return any(char in text and found.search(text) for char, found in _SUSPICIOUS_AFTER.items())


class _PlainLoader(SafeLoader):
    """Resolves no tags: the converter reads none (every scalar stays a string), so the
    resolver hooks libyaml's composer calls for every node are C-level no-ops ("".format
    takes any arguments and returns ""), not Python methods or a regex per scalar."""

    descend_resolver = "".format  # type: ignore[assignment]
    ascend_resolver = "".format  # type: ignore[assignment]
    resolve = "".format


@dataclass(slots=True)
class RawItem:
    """One entry of a top-level list (a country, an event, a fact) with its positions."""

    file: str
    section: str
    data: object
    positions: dict[YamlPath, Pos]

    def at(self, path: YamlPath = (), *, key: bool = False) -> tuple[int, int]:
        """The line and column of the value at `path`, or of the nearest enclosing value."""
        while path not in self.positions and path:
            path = path[:-1]
        pos = self.positions[path]
        return (pos[2], pos[3]) if key else (pos[0], pos[1])


@dataclass(slots=True)
class LoadedFile:
    path: str
    items: list[RawItem] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    #: Whether the file was refused as a whole (its entries, if any, only those before).
    refused: bool = False
    #: Problems past MAX_PER_FILE, counted and not made.
    omitted: Omitted = field(default_factory=Omitted)


class _Refused(Exception):
    def __init__(self, line: int, column: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.column, self.code, self.message = line, column, code, message


def load_file(path: Path, display: str, sections: frozenset[str]) -> LoadedFile:
    """Load one YAML file into raw items of the given top-level `sections`; never raises."""
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
    except OSError as error:
        message = f"cannot read the file: {error.strerror}"
        return LoadedFile(display, diagnostics=[Diagnostic(display, 1, 1, "yaml-syntax", message)])
    return load_bytes(raw, display, sections)


def load_bytes(raw: bytes, display: str, sections: frozenset[str]) -> LoadedFile:
    """Load the bytes of one YAML file (read from disk, or from git by `diff`); never raises."""
    result = LoadedFile(display)
    try:
        if len(raw) > MAX_BYTES:
            message = f"file is larger than {MAX_BYTES // 2**20} MB; split it up"
            raise _Refused(1, 1, "yaml-syntax", message)
        _split_sections(compose(decode(raw)), display, sections, result)
    except _Refused as refused:
        result.refused = True
        result.diagnostics.append(
            Diagnostic(display, refused.line, refused.column, refused.code, shown(refused.message))
        )
    return result


def decode(raw: bytes) -> str:
    """UTF-8 text (a BOM is dropped), or a refusal at the line of the first bad byte."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise _Refused(1, 1, "yaml-syntax", "file is UTF-16; save it as UTF-8")
    nul = raw.find(b"\0")
    if nul >= 0:
        line, column = _byte_position(raw, nul)
        raise _Refused(line, column, "yaml-syntax", "NUL byte (is the file UTF-16?); save as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line, column = _byte_position(raw, error.start)
        raise _Refused(
            line, column, "yaml-syntax", "not UTF-8 (Latin-1?); save the file as UTF-8"
        ) from None
    tab = text.find("\t")
    if tab >= 0:
        line = text.count("\n", 0, tab) + 1
        column = tab - text.rfind("\n", 0, tab)
        raise _Refused(
            line, column, "yaml-syntax", "tab character: YAML parsers disagree on tabs; use spaces"
        )
    if _may_hold_unprintable(raw):
        _refuse_unprintable(text)
    return text


# What a YAML stream may not hold (its reader would raise): C0 and C1 controls, U+FFFE, U+FFFF.
_NOT_PRINTABLE = re.compile("[^\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Whether the UTF-8 bytes may hold one, quicker to tell (surrogates do not decode at all): C0
# controls are single bytes, C1 controls are C2 80-9F (C2 also starts a no-break space) and
# U+FFFE, U+FFFF are EF BF BE, EF BF BF.
_C0_CONTROLS = bytes([*range(0x20), 0x7F]).translate(None, b"\n\r")
_ALL_BUT_C0_CONTROLS = bytes(byte for byte in range(256) if byte not in _C0_CONTROLS)
_UNPRINTABLE_UTF8 = (re.compile(b"\xc2[\x80-\x84\x86-\x9f]"), re.compile(b"\xef\xbf[\xbe\xbf]"))


def _may_hold_unprintable(raw: bytes) -> bool:
    if raw.translate(None, _ALL_BUT_C0_CONTROLS):
        return True
    return any(pattern.search(raw) for pattern in _UNPRINTABLE_UTF8)


def _refuse_unprintable(text: str) -> None:
    found = _NOT_PRINTABLE.search(text)
    if found:
        offset = found.start()
        line = text.count("\n", 0, offset) + 1
        column = offset - text.rfind("\n", 0, offset)
        message = f"control character U+{ord(found.group()):04X} is not allowed; delete it"
        raise _Refused(line, column, "yaml-syntax", message)


def _byte_position(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    return raw.count(b"\n", 0, offset) + 1, offset - line_start + 1


def compose(text: str) -> yaml.Node | None:
    """The node tree of a single-document file, after the guard has vetted it."""
    if _suspicious(text):
        _scan_events(text)
    try:
        return yaml.compose(text, Loader=_PlainLoader)
    except yaml.MarkedYAMLError as error:
        raise _syntax_refusal(error, text) from None


def _scan_events(text: str) -> None:
    depth = documents = 0
    try:
        for event in yaml.parse(text, Loader=SafeLoader):
            mark = event.start_mark
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    _refuse(mark, "several documents in one file; keep one per file")
            elif isinstance(event, yaml.AliasEvent):
                _refuse(mark, f"alias *{event.anchor} is not allowed; write the value out")
            elif isinstance(event, yaml.NodeEvent):
                _refuse_node_extras(event)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    _refuse(mark, f"nesting deeper than {MAX_DEPTH} levels")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        raise _syntax_refusal(error, text) from None


def _refuse_node_extras(event: yaml.NodeEvent) -> None:
    if event.anchor is not None:
        _refuse(event.start_mark, f"anchor &{event.anchor} is not allowed; write values out")
    tag = getattr(event, "tag", None)
    if tag is not None:
        _refuse(event.start_mark, f"tag {tag} is not allowed; remove it (quote the value)")


def _refuse(mark: Any, message: str) -> None:
    raise _Refused(mark.line + 1, mark.column + 1, "yaml-syntax", message)


def _syntax_refusal(error: yaml.MarkedYAMLError, text: str) -> _Refused:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = error.problem or error.context or "invalid YAML"
    context = ""
    begun = error.context_mark if error.context and error.problem else None
    if error.context and error.problem:
        # an unclosed quote or bracket: say where it was opened
        where = f" on line {begun.line + 1}" if begun and begun.line + 1 != line else ""
        context = f" ({error.context}{where})"
    found = SyntaxError_(
        problem, error.context or "", line, column, begun.line + 1 if begun else None
    )
    advice = hint(found, text)
    return _Refused(
        line, column, "yaml-syntax", f"{problem}{context}{'; ' if advice else ''}{advice}"
    )


def _split_sections(
    root: yaml.Node | None, display: str, sections: frozenset[str], result: LoadedFile
) -> None:
    expected = ", ".join(f"{name}:" for name in sorted(sections))
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value in NULLS):
        raise _Refused(1, 1, "schema", f"file is empty; expected a mapping with {expected}")
    if not isinstance(root, yaml.MappingNode):
        line, column = root.start_mark.line + 1, root.start_mark.column + 1
        raise _Refused(line, column, "schema", f"top level must be a mapping with {expected}")
    converter = _Converter(display, result.diagnostics, result.omitted)
    for key_node, value_node in converter.entries(root):
        name = key_node.value
        if name not in sections:
            meant = did_you_mean(name, sorted(sections))
            hint = f"did you mean '{meant}:'? " if meant else ""
            message = f"unknown top-level key '{name}'; {hint}use {expected}"
            converter.report(key_node, "schema", message)
        elif not isinstance(value_node, yaml.SequenceNode):
            converter.report(value_node, "schema", f"'{name}:' must be a list of entries")
        else:
            for child in value_node.value:
                result.items.append(converter.item(child, name))


def _name_item(diagnostics: list[Diagnostic], start: int, data: object) -> None:
    """Problems found inside an item carry its id (or country code), as the checks' do."""
    ident = data.get("id", data.get("code")) if isinstance(data, dict) else None
    if isinstance(ident, str):
        diagnostics[start:] = [replace(item, id=ident) for item in diagnostics[start:]]


class _Converter:
    """Turns nodes into plain values and positions, reporting what it refuses."""

    def __init__(
        self, display: str, diagnostics: list[Diagnostic], omitted: Omitted | None = None
    ) -> None:
        self.display = display
        self.diagnostics = diagnostics
        self.omitted = omitted or Omitted()

    def item(self, node: yaml.Node, section: str) -> RawItem:
        """One entry of a section: the fast path, or the careful one when it finds a problem."""
        mark = node.start_mark
        line, column = mark.line + 1, mark.column + 1
        positions: dict[YamlPath, Pos] = {(): (line, column, line, column)}
        try:
            data = _plain_value(node, (), positions)
        except _Unusual:
            positions = {}
            reported = len(self.diagnostics)
            data = self.convert(node, (), positions)
            _name_item(self.diagnostics, reported, data)
        return RawItem(self.display, section, data, positions)

    def report(self, node: yaml.Node, code: str, message: str) -> None:
        mark = node.start_mark
        if len(self.diagnostics) >= MAX_PER_FILE:
            self.omitted.add(mark.line + 1, mark.column + 1)
            return
        self.diagnostics.append(
            Diagnostic(self.display, mark.line + 1, mark.column + 1, code, shown(message))
        )

    def entries(self, node: yaml.Node) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
        """Key and value nodes of a mapping, without complex, merge or duplicate keys."""
        seen: dict[str, int] = {}
        kept = []
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.report(key_node, "yaml-syntax", "complex keys are not allowed")
            elif key_node.value == "<<" and not key_node.style:
                self.report(key_node, "yaml-syntax", "merge keys (<<) are not allowed")
            elif key_node.value in seen:
                first = seen[key_node.value]
                message = f"key '{key_node.value}' repeats the one on line {first}; keep one"
                self.report(key_node, "duplicate-key", message)
            else:
                seen[key_node.value] = key_node.start_mark.line + 1
                kept.append((key_node, value_node))
        return kept

    def convert(self, node: yaml.Node, path: YamlPath, positions: dict[YamlPath, Pos]) -> object:
        mark = node.start_mark
        positions[path] = (mark.line + 1, mark.column + 1, mark.line + 1, mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in NULLS:  # libyaml's plain style is ''
                return None
            return node.value
        if len(path) + 3 > MAX_DEPTH:  # the file, its section and the item are 3 levels
            _refuse(mark, f"nesting deeper than {MAX_DEPTH} levels")  # as the scan would
        if isinstance(node, yaml.SequenceNode):
            return [
                self.convert(child, (*path, index), positions)
                for index, child in enumerate(node.value)
            ]
        mapping: dict[str, object] = {}
        for key_node, value_node in self.entries(node):
            child_path = (*path, key_node.value)
            mapping[key_node.value] = self.convert(value_node, child_path, positions)
            value_line, value_column = positions[child_path][:2]
            key_mark = key_node.start_mark
            positions[child_path] = (
                value_line,
                value_column,
                key_mark.line + 1,
                key_mark.column + 1,
            )
        return mapping


class _Unusual(Exception):
    """Something for the careful path to report: a complex, merge or repeated key, deep nesting."""


def _plain_value(node: yaml.Node, path: YamlPath, positions: dict[YamlPath, Pos]) -> object:
    """What `_Converter.convert` returns for a node it would report nothing in, but faster.

    The caller has recorded the node's own position; this records its descendants'.
    """
    if type(node) is yaml.ScalarNode:
        return None if not node.style and node.value in NULLS else node.value
    if len(path) + 3 > MAX_DEPTH:  # for the careful path to refuse
        raise _Unusual
    if type(node) is yaml.SequenceNode:
        return _plain_list(node, path, positions)
    return _plain_mapping(node, path, positions)


def _plain_list(node: yaml.Node, path: YamlPath, positions: dict[YamlPath, Pos]) -> list[object]:
    values = []
    for index, child in enumerate(node.value):
        child_path = (*path, index)
        mark = child.start_mark
        line, column = mark.line + 1, mark.column + 1
        positions[child_path] = (line, column, line, column)
        values.append(_plain_value(child, child_path, positions))
    return values


def _plain_mapping(
    node: yaml.Node, path: YamlPath, positions: dict[YamlPath, Pos]
) -> dict[str, object]:
    mapping: dict[str, object] = {}
    for key_node, value_node in node.value:
        if type(key_node) is not yaml.ScalarNode:
            raise _Unusual
        key = key_node.value
        if key in mapping or key == "<<":
            raise _Unusual
        child_path = (*path, key)
        mark, key_mark = value_node.start_mark, key_node.start_mark
        positions[child_path] = (
            mark.line + 1,
            mark.column + 1,
            key_mark.line + 1,
            key_mark.column + 1,
        )
        if type(value_node) is yaml.ScalarNode:  # most values: inlined, for speed
            value = value_node.value
            mapping[key] = None if not value_node.style and value in NULLS else value
        else:
            mapping[key] = _plain_value(value_node, child_path, positions)
    return mapping
