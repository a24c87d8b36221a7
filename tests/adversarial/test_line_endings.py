"""A UTF-8 byte order mark or CRLF line endings change nothing: same diagnostics, same summary."""

from __future__ import annotations

import codecs
from collections.abc import Callable

import pytest

from .workspace import GOOD_FACTS, Workspace

#: Errors at several lines and columns, a folded quote and a quoted key, to compare positions.
MIXED = """\
facts:
  - id: folded-quote
    countries: [AU]
    topic: military
    claim: A quote folded over several lines.
    sources:
      - doc: 001_45c1c8414a270103
        quote: >-
          Australia said it would provide eight aircraft
          and 600 personnel to help combat IS.
        values: {personnel: 600, aircraft: 7}
  - id: Bad_Id
    "countries": [AU]
    topic: warfare
    claim: Australia
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide nine aircraft
  - id: misquoted
    countries: [AU]
    topic: military
    claim: A misquote, reported with the closest sentence.
    sources:
      - doc: 001_45c1c8414a270103
        quote: "Australia said it would provide nine aircraft\r\n and 600 personnel"
"""

Encode = Callable[[str], bytes]
VARIANTS: dict[str, Encode] = {
    "bom": lambda text: codecs.BOM_UTF8 + text.encode(),
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "bom-crlf": lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode(),
}


def _run(workspace: Workspace, encode: Encode) -> tuple[list[dict[str, object]], dict[str, int]]:
    workspace.write("facts/good.yml", encode(GOOD_FACTS))
    workspace.write("facts/mixed.yml", encode(MIXED))
    result = workspace.check().result
    return [d.to_dict() for d in result.diagnostics], result.summary.to_dict()


@pytest.mark.parametrize("variant", VARIANTS)
def test_bom_and_crlf_give_the_same_result_as_the_plain_file(
    variant: str, workspace: Workspace
) -> None:
    plain = _run(workspace, lambda text: text.encode())
    assert len(plain[0]) == 5
    assert plain[1]["quotes_verified"] == 3
    assert _run(workspace, VARIANTS[variant]) == plain
