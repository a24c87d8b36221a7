"""Quotes and values prove only what the source wrote (issue 14, items 1-3 and 7).

- a quote (and each part of an elided one) begins and ends on word boundaries of the
  document: `600 foreigners` is not in `about 2,600 foreigners`, `and 60` not in `and 600`;
- each part of an elided quote holds three words or more, and a value is read in one part:
  no pledge assembled from stopwords and scraps of a sentence about someone else;
- numbers are read as written: NFKC makes no digits (`3½` is not 31, `10²` not 102), number
  words in sequence are one number (`five hundred` is 500, never 5);
- a number of thousands of digits is a number that proves nothing, not a crash.
"""

from __future__ import annotations

import hashlib

import pytest

from .workspace import Workspace, assert_good_file_checked

FACT = """\
facts:
  - id: attack
    countries: [AU]
    topic: military
    claim: An attack.
    sources:
      - doc: {doc}
        quote: "{quote}"
        values:
          {values}
"""
VICE, AJA = "001_45c1c8414a270103", "003_f8e25e88ba0ab80b"


def check_one(workspace: Workspace, doc: str, quote: str, values: str) -> list[str]:
    """The codes reported for one fact (beside the good file, which must still be checked),
    but country-not-mentioned (some quotes name no country)."""
    workspace.write("facts/attack.yml", FACT.format(doc=doc, quote=quote, values=values))
    return codes_of(workspace)


def codes_of(workspace: Workspace) -> list[str]:
    outcome = workspace.check()
    assert_good_file_checked(outcome)
    codes = [code for _, code in outcome.at("facts/attack.yml")]
    return [code for code in codes if code != "country-not-mentioned"]


@pytest.mark.parametrize(
    ("doc", "quote", "values"),
    [
        # starts inside "2,600"
        (AJA, "600 foreigners. He spoke anonymously as he", "foreigners: 600"),
        # starts inside "27,600"
        (AJA, "7,600 IS fighters are believed to be operating", "fighters: 7,600"),
        # ends inside "600"
        (VICE, "Australia said it would provide eight aircraft and 60", "personnel: 60"),
        # starts inside a word ("provide" -> "ide")
        (VICE, "ide eight aircraft and 600 personnel", "personnel: 600"),
        # an elided part that ends inside a number
        (AJA, "A senior Iraqi intelligence official ... including about 2,6", "foreigners: 2"),
    ],
)
def test_a_quote_cut_inside_a_word_or_number_is_not_found(
    workspace: Workspace, doc: str, quote: str, values: str
) -> None:
    codes = check_one(workspace, doc, quote, values)
    assert codes[0] == "quote-not-found"
    assert set(codes) <= {"quote-not-found", "value-not-in-quote", "value-key-not-in-quote"}


def test_the_same_quotes_on_word_boundaries_are_found(workspace: Workspace) -> None:
    quote = "including about 2,600 foreigners. He spoke anonymously as he"
    assert check_one(workspace, AJA, quote, "foreigners: about 2,600") == []


@pytest.mark.parametrize(
    "quote",
    [
        "France ... said it would provide ... 600 personnel",  # a French pledge of 600
        "the ... of ... a ... and ... the ... to",  # stopwords joined by elisions
        "Australia said it would ... 600 personnel",
    ],
)
def test_each_part_of_an_elided_quote_holds_three_words(workspace: Workspace, quote: str) -> None:
    codes = check_one(workspace, VICE, quote, "personnel: 600")
    assert codes[0] == "quote-too-short"
    assert set(codes) <= {"quote-too-short", "value-not-in-quote"}


def test_a_value_is_read_within_one_part(workspace: Workspace) -> None:
    # "up to ... 10" would be "up to 10" joined; and no number spans an elision
    quote = "preparing to contribute up to ... 10 military aircraft and 600 personnel"
    assert check_one(workspace, AJA, quote, "aircraft: up to 10") == ["value-not-in-quote"]


def test_an_elided_quote_of_whole_parts_proves_its_values(workspace: Workspace) -> None:
    quote = "France announced it had begun ... Australia said it would provide eight aircraft"
    assert check_one(workspace, VICE, quote, "aircraft: 8") == []


@pytest.mark.parametrize(
    ("written", "values", "codes"),
    [
        ("It cost 3½ million dollars for the new fleet.", "dollars: 31", ["value-not-in-quote"]),
        ("It cost 3½ million dollars for the new fleet.", "dollars: 3", ["value-not-in-quote"]),
        ("The area was 10² kilometres of open desert.", "kilometres: 102", ["value-not-in-quote"]),
        ("The area was 10² kilometres of open desert.", "kilometres: 10", ["value-not-in-quote"]),
        ("They counted ⑧ aircraft on the runway that day.", "aircraft: 8", ["value-not-in-quote"]),
        ("They sent five hundred soldiers to the border.", "soldiers: 5", ["value-not-in-quote"]),
        ("They sent five hundred soldiers to the border.", "soldiers: 500", []),
        ("They sent five hundred and twenty soldiers.", "soldiers: 20", ["value-not-in-quote"]),
        ("They sent five hundred and twenty soldiers.", "soldiers: 520", []),
        ("They sent 2 million soldiers to the border.", "soldiers: 2", ["value-not-in-quote"]),
        ("They sent twenty five soldiers to the border.", "soldiers: 25", []),
    ],
)
def test_numbers_are_read_as_written(
    workspace: Workspace, written: str, values: str, codes: list[str]
) -> None:
    add_document(workspace, "900_written", f"Australia said so. {written}\n")
    assert check_one(workspace, "900_written", written, values) == codes


def test_a_number_of_thousands_of_digits_is_no_crash(workspace: Workspace) -> None:
    huge = "9" * 5000
    written = f"Australia counted {huge} aircraft on the runway."
    add_document(workspace, "900_huge", written + "\n")
    assert check_one(workspace, "900_huge", written, "aircraft: 8") == ["value-not-in-quote"]
    claim = FACT.format(doc="900_huge", quote=written, values="aircraft: 8")
    workspace.write("facts/attack.yml", claim.replace("An attack.", f"Counted {huge} jets."))
    assert codes_of(workspace) == ["claim-number-unsupported", "value-not-in-quote"]
    assert check_one(workspace, "900_huge", written, f"aircraft: {huge}") == ["schema"]


def add_document(workspace: Workspace, doc_id: str, text: str) -> None:
    data = text.encode("utf-8")
    workspace.write(f"corpus/{doc_id}.txt", data)
    sources = workspace.corpus / "sources.yml"
    entry = f"  - id: {doc_id}\n    title: T\n    sha256: {hashlib.sha256(data).hexdigest()}\n"
    sources.write_text(sources.read_text(encoding="utf-8") + entry, encoding="utf-8")
