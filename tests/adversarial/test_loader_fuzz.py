"""A bounded fuzzing run of the loader: whatever the bytes, it returns diagnostics, never raises."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator.diagnostics import CODES
from generator.load.yaml import LoadedFile, load_file

SECTIONS = frozenset({"countries", "events", "facts"})
TOKENS = [
    *("- ", ": ", "? ", ":", "-", "[", "]", "{", "}", ", ", "#", "|", ">-", "'", '"', "\\"),
    *(
        "&a ",
        "*a",
        "!!str ",
        "!x ",
        "!!python/object:os.system ",
        "<<: ",
        "--- ",
        "...",
        "%YAML 1.1",
    ),
    *("\n", "\n  ", "\n    ", "  ", "\t", "\r\n", "\r", "\x85", "\u2028", "\ufeff", "\0"),
    *("facts", "countries", "events", "id", "quote", "doc", "sources", "NO", "~", "null", "0755"),
    *("2014-13-45", "1:20", "é", "\u202e", "\u200b", "\U0001f600", "\\x", "\\u12"),
]
YAMLISH = st.lists(st.sampled_from(TOKENS), max_size=80).map("".join)
SCALARS = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(), st.dates())
TREES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def dumped(draw: st.DrawFn) -> str:
    """A YAML document PyYAML would write, under a real section name, maybe cut short."""
    tree = {draw(st.sampled_from(sorted(SECTIONS))): draw(TREES)}
    text = yaml.safe_dump(tree, allow_unicode=True, default_flow_style=draw(st.booleans()))
    return text[: draw(st.integers(0, len(text)))]


ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be", "latin-1", "cp1252"])


@st.composite
def file_bytes(draw: st.DrawFn) -> bytes:
    text = draw(st.one_of(YAMLISH, dumped(), st.text(max_size=200)))
    return text.encode(draw(ENCODINGS), errors="replace")


# The parser fixture is set once for all examples (it swaps a module's loader classes).
QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]


@settings(max_examples=300, deadline=None, suppress_health_check=QUIET)
@given(st.one_of(file_bytes(), st.binary(max_size=200)))
@example(b"\x01")  # found by this test: the reader raised on control characters
@example(b"facts: " + b'["]", ' * 600 + b"x" + b"]" * 600)  # nesting the triage missed
def test_the_loader_never_raises(either_parser: str, raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "fuzz.yml")
        path.write_bytes(raw)
        loaded = load_file(path, "fuzz.yml", SECTIONS)
    assert isinstance(loaded, LoadedFile)
    for diagnostic in loaded.diagnostics:
        assert diagnostic.code in CODES
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1
        assert diagnostic.file == "fuzz.yml"
    for item in loaded.items:
        assert item.section in SECTIONS
        assert item.at() >= (1, 1)
