"""A file under facts/ that looks like YAML but will not be read is reported, never skipped.

Only `*.yml` files are fact files. `new.yaml`, `NEW.YML` or `x.yml ` (a trailing space) were
silently skipped while the check stayed green. The spellings are generated: every case of
`yml` and `yaml`, full-width letters, and unseen characters or dots after the name.
"""

from __future__ import annotations

import itertools

from generator.diagnostics import shown

from .workspace import Workspace, assert_good_file_checked

CONTENT = "countries:\n  - code: FR\n    name: France\n"


def case_variants(word: str) -> list[str]:
    return [
        "".join(char.upper() if upper else char for char, upper in zip(word, mask, strict=True))
        for mask in itertools.product([False, True], repeat=len(word))
    ]


def look_alikes() -> list[str]:
    suffixes = [f".{variant}" for word in ("yml", "yaml") for variant in case_variants(word)]
    suffixes.remove(".yml")  # the one real spelling
    suffixes += [".\uff59\uff4d\uff4c", ".\uff39\uff21\uff2d\uff2c"]  # full-width yml, YAML
    trailers = ["", " ", "  ", ".", "\u00a0", "\u200b", "\u3000", "\t", "\ufeff"]
    names = [f"a{suffix}" for suffix in suffixes]
    names += [f"b.yml{trailer}" for trailer in trailers if trailer]
    names += [f"c.yaml{trailer}" for trailer in trailers if trailer]
    return names


def test_every_look_alike_is_reported_and_the_rest_is_checked(workspace: Workspace) -> None:
    names = look_alikes()
    assert len(names) > 30
    for index, name in enumerate(names):
        workspace.write(f"facts/sub{index}/{name}", CONTENT)
    workspace.write("facts/README.md", "# notes\n")
    workspace.write("facts/backup.yml~", CONTENT)
    outcome = workspace.check()
    for index, name in enumerate(names):
        display = shown(f"facts/sub{index}/{name}")  # as reports print it: "\\t", not a tab
        assert outcome.at(display) == [(1, "yaml-syntax")], name
        assert "looks like YAML but is not read" in outcome.messages(display)
        assert "rename it to" in outcome.messages(display)
    reported = {d.file for d in outcome.result.diagnostics}
    assert "facts/README.md" not in reported
    assert "facts/backup.yml~" not in reported
    assert outcome.result.summary.countries == 1  # France was never read: only Australia
    assert_good_file_checked(outcome)
