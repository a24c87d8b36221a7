"""Inputs built to exhaust memory or the stack: refused early, in a subprocess that survives.

The checks run in a subprocess so that a crash (libyaml's recursive composer segfaults on deep
nesting) shows as a signal exit code instead of killing the test run; the timeout only guards
against a hang.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from generator.load.yaml import MAX_DEPTH, load_file

from .workspace import Workspace, assert_good_file_in_json

LAUGHS = ["l0: &l0 [" + ", ".join(['"lol"'] * 9) + "]"] + [
    f"l{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * 9) + "]" for level in range(1, 10)
]
BILLION_LAUGHS = "\n".join(LAUGHS) + "\n"

MEASURE = """
import json, resource, sys, tracemalloc
from pathlib import Path
from generator.load.yaml import load_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
tracemalloc.start()
loaded = load_file(Path(sys.argv[1]), "bomb.yml", frozenset({"facts"}))
peak = tracemalloc.get_traced_memory()[1]
grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) * 1024
found = [(d.line, d.code, d.message) for d in loaded.diagnostics]
print(json.dumps({"peak": peak, "grown": grown, "diagnostics": found}))
"""

LIMIT = 50 * 2**20


def test_billion_laughs_fails_fast_with_little_memory(tmp_path: Path) -> None:
    assert 500 <= len(BILLION_LAUGHS) <= 600
    bomb = tmp_path / "bomb.yml"
    bomb.write_text(BILLION_LAUGHS)
    command = [sys.executable, "-c", MEASURE, str(bomb)]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True)
    measured = json.loads(completed.stdout)
    assert measured["diagnostics"] == [
        [1, "yaml-syntax", "anchor &l0 is not allowed; write values out"]
    ]
    assert measured["peak"] < LIMIT
    assert measured["grown"] < LIMIT


def test_billion_laughs_beside_a_good_file(workspace: Workspace) -> None:
    workspace.write("facts/bomb.yml", BILLION_LAUGHS)
    completed = workspace.cli()
    assert completed.returncode == 1, completed.stderr
    report = json.loads(completed.stdout)
    first = report["diagnostics"][0]
    assert (first["file"], first["line"], first["code"]) == ("facts/bomb.yml", 1, "yaml-syntax")
    assert_good_file_in_json(completed.stdout)


DEPTH = 50_000
DEEP = {
    "flow-lists": "facts: " + "[" * DEPTH + "]" * DEPTH + "\n",
    "flow-unclosed": "[" * DEPTH,
    "flow-maps": "facts: " + "{a: " * DEPTH + "x" + "}" * DEPTH + "\n",
    "flow-lines": "facts: [\n" + "  [\n" * DEPTH,
    # closers hidden in quotes and comments: the brackets look balanced, line by line
    "flow-quoted-closers": "facts: " + '["]", ' * DEPTH + "x" + "]" * DEPTH + "\n",
    "flow-single-quoted-closers": "facts: " + "{'}': " * DEPTH + "x" + "}" * DEPTH + "\n",
    "flow-commented-closers": "facts: " + "[ #]\n" * DEPTH,
    "block-dashes": "facts:\n" + "- " * DEPTH + "x\n",
    "block-keys": "? " * DEPTH + "x\n",
    "block-dash-keys": "- ? " * DEPTH + "x\n",
    "block-indented": "facts:\n" + "".join(" " * n + "- a:\n" for n in range(0, 4000, 2)),
}


def test_deep_nesting_is_a_clean_error_not_a_crash(workspace: Workspace) -> None:
    for name, text in DEEP.items():
        workspace.write(f"facts/deep-{name}.yml", text)
    completed = workspace.cli()
    assert completed.returncode == 1, f"exit {completed.returncode}: {completed.stderr[-2000:]}"
    assert completed.stderr == ""
    report = json.loads(completed.stdout)
    refused = {
        d["file"]: d["message"]
        for d in report["diagnostics"]
        if d["file"].startswith("facts/deep-") and d["code"] == "yaml-syntax"
    }
    assert sorted(refused) == sorted(f"facts/deep-{name}.yml" for name in DEEP)
    assert all(f"deeper than {MAX_DEPTH}" in message for message in refused.values()), refused
    assert_good_file_in_json(completed.stdout)


def test_nesting_within_the_limit_is_loaded(tmp_path: Path) -> None:
    path = tmp_path / "nested.yml"
    depth = MAX_DEPTH - 2
    path.write_text("facts: " + "[" * depth + "x" + "]" * depth + "\n")
    loaded = load_file(path, "nested.yml", frozenset({"facts"}))
    assert loaded.diagnostics == []
    assert len(loaded.items) == 1


@pytest.mark.parametrize("depth", [40, 300, 900])
def test_nesting_hidden_from_a_line_by_line_look_is_refused(depth: int, tmp_path: Path) -> None:
    """Moderate depths would not crash libyaml, but would overflow the recursive converter."""
    path = tmp_path / "hidden.yml"
    path.write_text("facts:\n  - claim: " + '["]", ' * depth + "x" + "]" * depth + "\n")
    loaded = load_file(path, "hidden.yml", frozenset({"facts"}))
    # the list at level 33 (file, section, item and claim are levels 1-4): its 30th "["
    column = len("  - claim: ") + 1 + len('["]", ') * (MAX_DEPTH - 3)
    assert [(d.line, d.column, d.code) for d in loaded.diagnostics] == [(2, column, "yaml-syntax")]
    assert loaded.diagnostics[0].message == f"nesting deeper than {MAX_DEPTH} levels"
