"""The loader's quick paths give exactly what the plain ones they stand in for give."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import yaml as yamlload
from generator.load.yaml import YamlPath

ROOT = Path(__file__).resolve().parent.parent
YAML_FILES = sorted([*ROOT.glob("facts/**/*.yml"), *ROOT.glob("tests/cases/**/*.yml")])

# The guard as first written, one pattern for all it looks for anywhere: the specification.
# (An anchor, alias or tag never follows a word character; any other "&", "*", "!" may be one.
# YAML's line breaks other than "\n" and "\r\n" send the file to the scan.)
LINE_START = re.compile(r"^(?:---|\.\.\.|%|[ ]{40}|[ ]*\?(?:[ ]|$))", re.MULTILINE)
ANYWHERE = re.compile(
    r"""(?<!\w)[&*!]
      | \r(?!\n) | [\x85\u2028\u2029]
      | <<
      | [\[{][^\]}\n]*(?:[\[{]|$)
      | [-?:][ ]+[-?](?:[ ]|$)""",
    re.MULTILINE | re.VERBOSE,
)
TRICKY = st.sampled_from(["---", "...", " " * 40, "\u3000", "\x85", "\r", "R&D", "<<", "- -"])
TEXT = st.lists(st.one_of(st.sampled_from("&*!<[]{}-?: \n,.%#'\"ax"), TRICKY)).map("".join)


def item_nodes() -> list[yaml.Node]:
    """The nodes of every entry of every section of the repository's YAML files."""
    nodes = []
    for path in YAML_FILES:
        try:
            root = yamlload.compose(yamlload.decode(path.read_bytes()))
        except yamlload._Refused:
            continue
        if not isinstance(root, yaml.MappingNode):
            continue
        sections = [value for _, value in root.value if isinstance(value, yaml.SequenceNode)]
        nodes.extend(node for section in sections for node in section.value)
    return nodes


def test_quick_conversion_matches_the_careful_one() -> None:
    nodes = item_nodes()
    for node in nodes:
        careful: dict[YamlPath, yamlload.Pos] = {}
        expected = yamlload._Converter("x", []).convert(node, (), careful)
        quick = yamlload._Converter("x", []).item(node, "facts")
        assert (quick.data, list(quick.positions.items())) == (expected, list(careful.items()))
    assert len(nodes) > 100


@settings(max_examples=2000)
@given(TEXT)
def test_guard_finds_what_the_single_patterns_find(text: str) -> None:
    expected = text.count("[") + text.count("{") > yamlload.FLOW_OPENERS_UNSCANNED or bool(
        LINE_START.search(text) or ANYWHERE.search(text)
    )
    assert yamlload._suspicious(text) == expected


def test_byte_test_misses_no_unprintable_character() -> None:
    for code in [*range(0xD800), *range(0xE000, 0x110000)]:
        char = chr(code)
        if yamlload._NOT_PRINTABLE.match(char):
            assert yamlload._may_hold_unprintable(f"a{char}b".encode())
