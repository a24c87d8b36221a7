"""A corpus edited to fit a curator's quote proves nothing: the integrity check catches it."""

from __future__ import annotations

from .workspace import Workspace, assert_good_file_checked

DOC = "003_f8e25e88ba0ab80b"
TRUE = "contribute up to 10 military aircraft"
FITTED = "contribute up to 100 military aircraft"

FACT = f"""\
facts:
  - id: fitted-quote
    countries: [AU]
    topic: military
    claim: Australia pledged a hundred aircraft.
    sources:
      - doc: {{doc}}
        quote: Australian Prime Minister Tony Abbott said he was preparing to {FITTED}
"""


def test_a_corpus_file_edited_to_hold_a_quote_is_caught(workspace: Workspace) -> None:
    path = workspace.corpus / f"{DOC}.txt"
    original = path.read_text(encoding="utf-8")
    assert original.count(TRUE) == 1
    path.write_text(original.replace(TRUE, FITTED), encoding="utf-8")
    workspace.write("facts/fitted.yml", FACT.format(doc=DOC))
    outcome = workspace.check()
    integrity = [(d.file, d.line, d.id) for d in outcome.result.diagnostics if d.id == DOC]
    assert integrity == [("corpus/sources.yml", 20, DOC)]
    assert "differs from its sha256" in outcome.messages("corpus/sources.yml")
    assert outcome.verified_in("facts/fitted.yml") == 0
    assert DOC not in outcome.result.context.corpus.documents
    assert_good_file_checked(outcome)


def test_a_new_unlisted_document_holding_the_quote_proves_nothing(workspace: Workspace) -> None:
    original = (workspace.corpus / f"{DOC}.txt").read_text(encoding="utf-8")
    workspace.write("corpus/999_planted.txt", original.replace(TRUE, FITTED))
    workspace.write("facts/fitted.yml", FACT.format(doc="999_planted"))
    outcome = workspace.check()
    assert outcome.at("corpus/999_planted.txt") == [(1, "corpus-integrity")]
    assert "not listed" in outcome.messages("corpus/999_planted.txt")
    assert outcome.verified_in("facts/fitted.yml") == 0
    assert_good_file_checked(outcome)


def test_the_untouched_corpus_verifies_the_true_quote(workspace: Workspace) -> None:
    """The same fact with the true wording is verified: the refusals above are the edit's doing."""
    workspace.write("facts/fitted.yml", FACT.format(doc=DOC).replace(FITTED, TRUE))
    outcome = workspace.check()
    assert outcome.verified_in("facts/fitted.yml") == 1
    assert outcome.at("facts/fitted.yml") == []
