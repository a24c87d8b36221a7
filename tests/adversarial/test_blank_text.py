"""A text that shows nothing is refused, whatever blank characters it is made of.

U+3164 HANGUL FILLER is a letter and U+2800 BRAILLE PATTERN BLANK a symbol, so a claim of
them passed as text while the page showed an empty card. The blank characters are generated:
every space, control, format character and lone combining mark of Unicode, and the
default-ignorable letters and symbols. Also: `quote --limit` takes 1 or more.
"""

from __future__ import annotations

import unicodedata

import pytest
from pydantic import ValidationError

from generator.cli import main
from generator.model import BLANK, Fact

from .workspace import Workspace, assert_good_file_checked

SOURCE = {
    "doc": "001_45c1c8414a270103",
    "quote": "Australia said it would provide eight aircraft and 600 personnel to help combat IS.",
}


def blank_characters() -> list[str]:
    """Every assigned code point drawn as nothing on its own (surrogates aside: not text;
    private-use ones too: refused as invisible, and as many as 137,000)."""
    chars = map(chr, range(0x110000))
    return [char for char in chars if _blank_category(char) or char in BLANK]


def _blank_category(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "ZCM" and category not in {"Cs", "Cn", "Co"}


def claim_refused(claim: str) -> bool:
    data = {"id": "x", "countries": ["AU"], "topic": "other", "claim": claim}
    try:
        Fact.model_validate({**data, "sources": [SOURCE]})
    except ValidationError:
        return True
    return False


def test_a_claim_of_any_blank_characters_is_refused() -> None:
    blanks = blank_characters()
    assert {"\u3164", "\u2800", "\u115f", "\uffa0", "\u034f", "\u3000"} <= set(blanks)
    accepted = [f"U+{ord(char):04X}" for char in blanks if not claim_refused(f"{char} {char}")]
    assert accepted == []


def test_a_claim_with_something_to_show_is_kept() -> None:
    assert not claim_refused("\u3164 France pledged aircraft.")
    assert not claim_refused("Café")  # a combining mark after a letter shows


BLANK_CLAIMS = ["\\u3164", "\\u2800\\u2800", "\\u115f\\u1160", "\\u3164 \\u00a0"]


@pytest.mark.parametrize("claim", BLANK_CLAIMS)
def test_a_blank_claim_in_a_fact_file_is_a_schema_error(claim: str, workspace: Workspace) -> None:
    workspace.write(
        "facts/blank.yml",
        "facts:\n  - id: blank\n    countries: [AU]\n    topic: other\n"
        f'    claim: "{claim}"\n    sources:\n      - doc: {SOURCE["doc"]}\n'
        f"        quote: {SOURCE['quote']}\n",
    )
    outcome = workspace.check()
    assert outcome.at("facts/blank.yml") == [(5, "schema")]
    assert "shows nothing" in outcome.messages("facts/blank.yml")
    assert_good_file_checked(outcome)


@pytest.mark.parametrize("limit", ["-1", "0", "-20"])
def test_quote_refuses_a_limit_below_one(
    limit: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["quote", "--limit", limit, "aircraft"])
    assert stopped.value.code == 2
    assert "--limit: must be 1 or more" in capsys.readouterr().err


def test_quote_counts_what_it_leaves_out(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quote", "aircraft"]) == 0
    everything = capsys.readouterr().out.count("- doc: ")
    assert main(["quote", "--limit", "1", "aircraft"]) == 0
    shown = capsys.readouterr().out
    assert shown.count("- doc: ") == 1
    assert f"# {everything - 1} more;" in shown
