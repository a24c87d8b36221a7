"""Thirty broken files in one run: every one reported, in one run, in a stable order."""

from __future__ import annotations

import json

from . import test_schema_inputs, test_yaml_refusals
from .workspace import Workspace, assert_good_file_in_json

BROKEN: dict[str, str | bytes] = {
    **{name: case.content for name, case in test_yaml_refusals.CASES.items()},
    **{name: case[0] for name, case in test_schema_inputs.CASES.items()},
}
NAMES = sorted(BROKEN)[:30]


def test_thirty_broken_files_are_all_reported_in_a_stable_order(workspace: Workspace) -> None:
    assert len(NAMES) == 30
    for index, name in enumerate(reversed(NAMES)):  # written in reverse: order is not disk order
        workspace.write(f"facts/{index:02d}-{name}.yml", BROKEN[name])
    first = workspace.cli()
    assert first.returncode == 1, first.stderr
    report = json.loads(first.stdout)
    places = [(d["file"], d["line"], d["column"]) for d in report["diagnostics"]]
    assert places == sorted(places)
    reported = {file for file, _, _ in places}
    broken = {f"facts/{index:02d}-{name}.yml" for index, name in enumerate(reversed(NAMES))}
    assert broken <= reported
    assert_good_file_in_json(first.stdout)
    assert workspace.cli().stdout == first.stdout
    text = workspace.cli("--format", "text")
    assert text.stdout == workspace.cli("--format", "text").stdout
    lines = text.stdout.splitlines()[:-1]
    assert len(lines) == len(places)
    assert [line.split(": ", 1)[0] for line in lines] == [f"{f}:{ln}:{c}" for f, ln, c in places]
