"""YAML that must be refused with a diagnostic at its line, by either parser, never a traceback.

Each bad file is checked beside the good one (see workspace.py): it is reported at the right
line, and the good file's quotes are still verified and its own error still reported.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import NamedTuple

import pytest

from generator.load.yaml import MAX_BYTES, load_file

from .workspace import Workspace, assert_good_file_checked

SECTIONS = frozenset({"countries", "events", "facts"})

#: A valid fact; its lines 1-8 are numbered below so a case can insert a bad line after one.
FACT = [
    "facts:",
    "  - id: bad-fact",
    "    countries: [AU]",
    "    topic: military",
    "    claim: France began reconnaissance missions.",
    "    sources:",
    "      - doc: 001_45c1c8414a270103",
    "        quote: France announced it had begun reconnaissance missions over Iraq on Monday,"
    " while Australia said it would provide eight aircraft",
]


def fact_with(after: int, *lines: str) -> str:
    """The valid fact with `lines` inserted after its line `after` (1-based)."""
    return "\n".join([*FACT[:after], *lines, *FACT[after:]]) + "\n"


def fact_replacing(line: int, replacement: str) -> str:
    """The valid fact with its line `line` (1-based) replaced."""
    return "\n".join([*FACT[: line - 1], replacement, *FACT[line:]]) + "\n"


class Case(NamedTuple):
    content: str | bytes
    line: int
    column: int
    code: str
    fragment: str


def _utf16(codec: str, bom: bytes = b"") -> bytes:
    return bom + "\n".join(FACT).encode(codec)


CASES: dict[str, Case] = {
    # 1. duplicate keys, plain, quoted and escaped
    "duplicate-plain": Case(fact_with(5, "    claim: Again."), 6, 5, "duplicate-key", "line 5"),
    "duplicate-double-quoted": Case(
        fact_with(5, '    "claim": Again.'), 6, 5, "duplicate-key", "line 5"
    ),
    "duplicate-single-quoted": Case(
        fact_with(4, "    'topic': other"), 5, 5, "duplicate-key", "line 4"
    ),
    "duplicate-escaped": Case(fact_with(5, '    "cl\\x61im": x'), 6, 5, "duplicate-key", "line 5"),
    "duplicate-top-level": Case(fact_with(8, "facts: []"), 9, 1, "duplicate-key", "line 1"),
    # 3. anchors, aliases, merge keys, tags, several documents, complex keys
    "anchor": Case(fact_replacing(5, "    claim: &c A claim."), 5, 12, "yaml-syntax", "anchor &c"),
    "alias": Case(fact_replacing(5, "    claim: *c"), 5, 12, "yaml-syntax", "alias *c"),
    "merge-key": Case(fact_with(5, "    <<: {topic: other}"), 6, 5, "yaml-syntax", "merge keys"),
    "tag-python": Case(
        fact_replacing(5, '    claim: !!python/object/apply:os.system ["touch pwned"]'),
        5,
        12,
        "yaml-syntax",
        "python/object/apply:os.system",
    ),
    "tag-set": Case(
        fact_replacing(3, "    countries: !!set {AU: null}"), 3, 16, "yaml-syntax", "set"
    ),
    "tag-binary": Case(
        fact_replacing(5, "    claim: !!binary aGVsbG8="), 5, 12, "yaml-syntax", "binary"
    ),
    "tag-custom": Case(fact_replacing(5, "    claim: !custom x"), 5, 12, "yaml-syntax", "!custom"),
    "tag-str": Case(fact_replacing(5, "    claim: !!str yes"), 5, 12, "yaml-syntax", "tag"),
    "several-documents": Case(
        fact_with(8, "---", "facts: []"), 9, 1, "yaml-syntax", "several documents"
    ),
    "complex-key-block": Case(
        fact_with(5, "    ? [a, b]", "    : x"), 6, 7, "yaml-syntax", "complex keys"
    ),
    "complex-key-flow": Case(
        fact_with(8, "        values: {[a, b]: 1}"), 9, 18, "yaml-syntax", "complex keys"
    ),
    # 5. empty, null, not a mapping, too big
    "empty": Case("", 1, 1, "schema", "empty"),
    "comments-only": Case("# nothing here\n", 1, 1, "schema", "empty"),
    "null": Case("null\n", 1, 1, "schema", "empty"),
    "top-level-list": Case("- facts: []\n", 1, 1, "schema", "must be a mapping"),
    "top-level-text": Case("facts\n", 1, 1, "schema", "must be a mapping"),
    "unknown-top-level": Case("fakts: []\n", 1, 1, "schema", "unknown top-level key 'fakts'"),
    "section-not-a-list": Case("facts: {id: x}\n", 1, 8, "schema", "must be a list"),
    # 6. encodings: an error with a line number
    "latin-1": Case(
        fact_replacing(5, "    claim: Caf\xe9").encode("latin-1"), 5, 15, "yaml-syntax", "UTF-8"
    ),
    "nul-byte": Case(fact_replacing(5, "    claim: a\0b").encode(), 5, 13, "yaml-syntax", "NUL"),
    "utf-16-le-bom": Case(_utf16("utf-16-le", codecs.BOM_UTF16_LE), 1, 1, "yaml-syntax", "UTF-16"),
    "utf-16-be-bom": Case(_utf16("utf-16-be", codecs.BOM_UTF16_BE), 1, 1, "yaml-syntax", "UTF-16"),
    "utf-16-le": Case(_utf16("utf-16-le"), 1, 2, "yaml-syntax", "UTF-16"),
    "utf-16-be": Case(_utf16("utf-16-be"), 1, 1, "yaml-syntax", "UTF-16"),
    "control-c0": Case(
        fact_replacing(5, "    claim: a\x01b").encode(), 5, 13, "yaml-syntax", "U+0001"
    ),
    "control-c1": Case(
        fact_replacing(5, "    claim: a\x9bb").encode(), 5, 13, "yaml-syntax", "U+009B"
    ),
    "tab-indent": Case(fact_replacing(5, "\tclaim: x"), 5, 1, "yaml-syntax", "tab"),
    "tab-in-value": Case(fact_replacing(5, '    claim: "a\tb"'), 5, 14, "yaml-syntax", "tab"),
    # and plain bad syntax
    "unclosed-quote": Case(
        fact_replacing(5, '    claim: "open'), 9, 1, "yaml-syntax", "quoted scalar on line 5"
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_loader_refuses_with_a_position(name: str, either_parser: str, tmp_path: Path) -> None:
    case = CASES[name]
    path = tmp_path / "bad.yml"
    path.write_bytes(case.content if isinstance(case.content, bytes) else case.content.encode())
    loaded = load_file(path, "bad.yml", SECTIONS)
    found = [(d.line, d.column, d.code) for d in loaded.diagnostics]
    assert (case.line, case.column, case.code) in found, loaded.diagnostics
    assert case.fragment in " ".join(d.message for d in loaded.diagnostics)


@pytest.mark.parametrize("name", CASES)
def test_checker_reports_the_bad_file_and_still_checks_the_good_one(
    name: str, workspace: Workspace
) -> None:
    case = CASES[name]
    workspace.write("facts/bad.yml", case.content)
    outcome = workspace.check()
    assert (case.line, case.code) in outcome.at("facts/bad.yml")
    assert_good_file_checked(outcome)
    assert not (workspace.root / "pwned").exists()


def test_file_over_the_size_cap_is_refused_unread(workspace: Workspace) -> None:
    workspace.write("facts/huge.yml", b"# " + b"x" * MAX_BYTES + b"\n")
    outcome = workspace.check()
    assert outcome.at("facts/huge.yml") == [(1, "yaml-syntax")]
    assert "larger than 5 MB" in outcome.messages("facts/huge.yml")
    assert_good_file_checked(outcome)


def test_duplicate_key_keeps_the_rest_of_the_file(workspace: Workspace) -> None:
    second = [line.replace("bad-fact", "second-fact") for line in FACT[1:]]
    workspace.write("facts/bad.yml", fact_with(5, '    "claim": Again.') + "\n".join(second))
    outcome = workspace.check()
    assert outcome.at("facts/bad.yml") == [(6, "duplicate-key")]
    facts = {entry.model.id: entry.model for entry in outcome.result.context.base.facts}
    assert facts["bad-fact"].claim == "France began reconnaissance missions."
    assert "second-fact" in facts
    assert outcome.verified_in("facts/bad.yml") == 2
