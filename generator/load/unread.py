"""How many facts a file that could not be read holds, as far as its text tells.

A file refused as a whole (a YAML syntax error, bytes that are not UTF-8, a file too large)
yields no entries; the summary must not read as if its facts did not exist. Its facts are
counted the way a reader would: the `- id:` items under its top-level `facts:` key.
"""

from __future__ import annotations

import codecs
import re

_SECTION = re.compile(r"^[\"']?([A-Za-z_]+)[\"']?[ ]*:")
_ITEM_WITH_ID = re.compile(r"^[ \t]*-[ \t]*(?:\{[ \t]*)?[\"']?id[\"']?[ \t]*:")


def facts_in(raw: bytes) -> int:
    """The `- id:` items of the `facts:` section of a YAML text that may not parse."""
    count, section = 0, ""
    for line in _text(raw).splitlines():
        top = _SECTION.match(line)
        if top:
            section = top.group(1)
        elif section == "facts" and _ITEM_WITH_ID.match(line):
            count += 1
    return count


def _text(raw: bytes) -> str:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16", "replace")
    return raw.decode("utf-8", "replace").replace("\0", "")
