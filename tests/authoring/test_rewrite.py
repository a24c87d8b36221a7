"""Replacing scalars in YAML text: only their source spans change, in their own style."""

from __future__ import annotations

import pytest

from generator.authoring.rewrite import RewriteError, rewrite_scalars

SOURCE = b"""\
a:   # a comment
  - q: >-
      folded text
      over lines
    next: 1   # kept
  - q: plain value
  - {q: flow, r: 2}
  - q: "double"
  - q: 'single'
"""


def test_each_style_is_kept_where_the_new_value_allows() -> None:
    edits = {(6, 8): "still plain", (7, 9): "flow too", (8, 8): "it's", (9, 8): "it's"}

    new = rewrite_scalars(SOURCE, edits)

    assert new == (
        SOURCE.replace(b"plain value", b"still plain")
        .replace(b"{q: flow,", b"{q: flow too,")
        .replace(b'"double"', b'"it\'s"')
        .replace(b"'single'", b"'it''s'")
    )


def test_values_that_cannot_stay_plain_or_folded_are_single_quoted() -> None:
    edits = {(2, 8): "new: text", (6, 8): "a #comment?", (7, 9): "x, y"}

    new = rewrite_scalars(SOURCE, edits)

    assert new == (
        SOURCE.replace(b">-\n      folded text\n      over lines", b"'new: text'")
        .replace(b"plain value", b"'a #comment?'")
        .replace(b"{q: flow,", b"{q: 'x, y',")
    )


def test_a_position_without_a_value_is_refused() -> None:
    with pytest.raises(RewriteError, match="no value at line 3, column 3"):
        rewrite_scalars(SOURCE, {(3, 3): "x"})
