"""A link to a quoted sentence in the original article: a text fragment.

`URL#:~:text=start,end` (the Text Fragments specification, WICG): browsers that support it
scroll to the first text from `start` to `end` and highlight it. Each term is percent-encoded:
every character but the specification's TextDirectiveExplicitChar (ASCII letters, digits and
``!$'()*+./:;=?@_~``) is written as the %XX of its UTF-8 bytes, so `-`, `,` and `&`, which
separate the parts of a directive, never appear in a term unencoded.
"""

from __future__ import annotations

import string

EXPLICIT = frozenset(string.ascii_letters + string.digits + "!$'()*+./:;=?@_~")
#: A quote longer than twice this many words is linked by its first and last words.
WORDS_AT_EACH_END = 5


def encode_term(text: str) -> str:
    """`text` percent-encoded as a text directive term."""
    return "".join(
        char if char in EXPLICIT else "".join(f"%{byte:02X}" for byte in char.encode("utf-8"))
        for char in text
    )


def text_directive(quoted: str) -> str:
    """`text=...` for the quoted text: all of it, or its first and last words."""
    words = quoted.split()
    if len(words) <= 2 * WORDS_AT_EACH_END:
        return "text=" + encode_term(" ".join(words))
    start = " ".join(words[:WORDS_AT_EACH_END])
    end = " ".join(words[-WORDS_AT_EACH_END:])
    return f"text={encode_term(start)},{encode_term(end)}"


def text_fragment_link(url: str, quoted: str) -> str | None:
    """The address of `url` scrolled to `quoted`; None when the quote has no words."""
    if not quoted.split():
        return None
    separator = ":~:" if "#" in url else "#:~:"
    return url + separator + text_directive(quoted)
