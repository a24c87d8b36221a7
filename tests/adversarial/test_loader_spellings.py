"""Anchors, aliases and tags are refused before any node is built, however they are spelled.

The loader's fast pre-filter decides whether a file needs the event scan that refuses them; a
spelling it misses is composed, and an alias-laden file then expands in memory. So the test
generates the spellings: each property (anchor, alias, tag in its four forms) after each thing
that can precede a token (a quoted or plain key and `:` with or without a space, in block and
in flow mappings, `[`, `,`, `?`, `-`, a document start), with each YAML line break; and, by
hypothesis, random streams of YAML tokens. Wherever PyYAML's own parser sees a property, the
pre-filter must send the file to the scan.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load.yaml import _suspicious, load_bytes

from .workspace import REPO_ROOT

PROPERTIES = ["&a ", "*a", "!t ", "!!str ", "!<tag:x> ", "!e!x "]
BEFORE = [
    '{"key":',
    "{'key':",
    '{"key": ',
    "{key: ",
    "{? ",
    "[",
    "[x,",
    "[x, ",
    '["x",',
    "key: ",
    '"key": ',
    "'key':  ",
    "- ",
    "-   ",
    "? ",
    "--- ",
    "",
]
BREAKS = ["\n", "\r\n", "\r", "\x85", "\u2028", "\u2029"]
AFTER = {"{": "x}", "[": "x]"}


def properties_seen(text: str) -> bool | None:
    """Whether PyYAML's parser finds an anchor, alias or tag in `text` (None: not YAML)."""
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                return True
            if isinstance(event, yaml.NodeEvent) and (
                event.anchor is not None or getattr(event, "tag", None) is not None
            ):
                return True
    except yaml.YAMLError:
        return None
    return False


def spellings() -> list[str]:
    found = []
    for before, prop, line_break in itertools.product(BEFORE, PROPERTIES, BREAKS):
        closing = AFTER.get(before[:1], "x")
        for text in (
            f"facts:{line_break}  - {before}{prop}{closing}{line_break}",
            f"# note{line_break}{before}{prop}{closing}{line_break}",
        ):
            if properties_seen(text):
                found.append(text)
    return found


def test_many_spellings_are_real_properties() -> None:
    found = spellings()
    assert len(found) > 500
    assert any('{"key":&a' in text for text in found)


def test_every_generated_spelling_is_scanned() -> None:
    missed = [text for text in spellings() if not _suspicious(text)]
    assert missed == []


def test_every_generated_spelling_is_refused_as_yaml_syntax() -> None:
    for text in spellings():
        loaded = load_bytes(text.encode("utf-8"), "x.yml", frozenset({"facts"}))
        assert loaded.items == [] or loaded.diagnostics, text
        codes = {item.code for item in loaded.diagnostics}
        assert codes == {"yaml-syntax"}, (text, loaded.diagnostics)


TOKENS = [
    "{", "}", "[", "]", ",", ":", ": ", " ", "\n", "\r", "\u2028", "\x85", '"k"', "'k'",
    "k", "&a", "*a", "!t", "!!str", "!<x>", "-", "- ", "? ", "#c", "R&D", "yes!", "2*3",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=12))
def test_the_prefilter_never_misses_what_the_parser_sees(tokens: list[str]) -> None:
    text = "".join(tokens)
    if properties_seen(text):
        assert _suspicious(text), text


def billion_laughs_in_one_line_flow() -> str:
    """Each level a flow mapping of nine aliases of the one before, all `"key":*a`, on one
    line after a "]" in a string (which hid the nesting from a line-by-line look)."""
    levels = ['"l0":&a0 {' + ",".join(f'"{k}":"lol"' for k in range(9)) + "}"]
    levels += [
        f'"l{i}":&a{i} {{' + ",".join(f'"{k}":*a{i - 1}' for k in range(9)) + "}"
        for i in range(1, 10)
    ]
    return 'facts:\n  - {"k":"]",' + ",".join(levels) + "}\n"


MEASURE = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, (2**31, 2**31))  # a regression fails, not the machine
from pathlib import Path
from generator.load.yaml import load_file
loaded = load_file(Path(sys.argv[1]), "bomb.yml", frozenset({"facts"}))
# The peak of this process since exec (VmHWM): ru_maxrss may start from the size of the
# process that forked it (here pytest's), which made the bound flaky.
status = Path("/proc/self/status").read_text()
grown = int(next(l for l in status.splitlines() if l.startswith("VmHWM:")).split()[1]) * 1024
print(json.dumps({"grown": grown, "found": [(d.code, d.message) for d in loaded.diagnostics]}))
"""


def test_a_one_line_billion_laughs_is_refused_in_little_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yml"
    bomb.write_text(billion_laughs_in_one_line_flow(), encoding="utf-8")
    assert bomb.stat().st_size < 1200
    completed = subprocess.run(
        [sys.executable, "-c", MEASURE, str(bomb)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr[-2000:]
    outcome = json.loads(completed.stdout)
    [(code, message)] = outcome["found"]
    assert code == "yaml-syntax"
    assert "&a0" in message
    assert outcome["grown"] < 200 * 2**20
