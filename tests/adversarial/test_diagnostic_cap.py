"""The work one file can cause is bounded: at most about MAX_PER_FILE diagnostics a file.

One million empty items fit in 5 MB and made five million diagnostics (gigabytes, minutes).
Past the cap, problems are counted and not made, and one "… and N more" line says how many are
left out, where the first of them is. Every stage is capped: the loader's own refusals
(repeated keys), schema validation, and the checks.
"""

from __future__ import annotations

import re

from generator.diagnostics import MAX_PER_FILE

from .workspace import Workspace, assert_good_file_checked

MORE = re.compile(r"^… and ([\d,]+) more problems in this file")


def shown_and_left_out(messages: list[str]) -> tuple[int, int]:
    more = [MORE.match(message) for message in messages]
    left_out = [int(found.group(1).replace(",", "")) for found in more if found]
    assert len(left_out) <= 1
    return len(messages) - len(left_out), sum(left_out)


def messages_of(workspace: Workspace, name: str) -> list[str]:
    outcome = workspace.check()
    assert_good_file_checked(outcome)
    return [d.message for d in outcome.result.diagnostics if d.file == name]


def test_many_empty_items_give_few_diagnostics_and_a_count(workspace: Workspace) -> None:
    items = 20_000
    workspace.write("facts/empty.yml", "facts:\n" + "- {}\n" * items)
    messages = messages_of(workspace, "facts/empty.yml")
    shown, left_out = shown_and_left_out(messages)
    assert MAX_PER_FILE <= shown <= MAX_PER_FILE + 5
    assert shown + left_out == 5 * items  # id, countries, topic, claim, sources: all counted
    assert MORE.match(messages[-1])


def test_the_loaders_own_refusals_are_capped(workspace: Workspace) -> None:
    items = 3 * MAX_PER_FILE
    workspace.write("facts/repeated.yml", "facts:\n" + "- {id: a, id: b}\n" * items)
    messages = messages_of(workspace, "facts/repeated.yml")
    shown, left_out = shown_and_left_out(messages)
    assert shown <= MAX_PER_FILE + 5
    assert left_out > 0


FACT = """\
  - id: fact-{index}
    countries: [XX]
    topic: other
    claim: A fact of an undefined country.
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""


def test_the_checks_findings_are_capped(workspace: Workspace) -> None:
    facts = 2 * MAX_PER_FILE
    body = "".join(FACT.format(index=index) for index in range(facts))
    workspace.write("facts/unknown.yml", "facts:\n" + body)
    messages = messages_of(workspace, "facts/unknown.yml")
    shown, left_out = shown_and_left_out(messages)
    assert shown == MAX_PER_FILE
    assert shown + left_out == facts  # one unknown-country a fact
