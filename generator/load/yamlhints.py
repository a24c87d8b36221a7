"""What to do about a YAML syntax error: the common causes, each told with its fix.

libyaml says what it could not parse ("mapping values are not allowed in this context"); a
curator needs the cause in their own file: a `: ` or ` #` inside an unquoted value, a key
indented unlike its neighbours, a quote or bracket left open. `hint` reads the lines around the
error and names the fix; it returns "" when no common cause fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: `key: ` at the start of a line (after an optional `- `): group 1 is the indentation up to the
#: key, group 2 the key.
_KEY = re.compile(r"^([ ]*(?:-[ ]+)*)([^\s:#'\"\[\]{},][^:#]*?):(?:[ ]|$)")
_COMMENT_IN_VALUE = re.compile(r"[ ]#")
QUOTE_IT = "put the whole value in single quotes ('...', a ' inside written '')"


@dataclass(frozen=True, slots=True)
class SyntaxError_:
    """libyaml's words for an error, where it was found, and the line of its context."""

    problem: str
    context: str
    line: int  # 1-based
    column: int  # 1-based
    context_line: int | None


def hint(error: SyntaxError_, text: str) -> str:
    """The likely cause of `error` in `text`, and its fix; "" when none is likely."""
    lines = text.splitlines()
    if not 1 <= error.line <= len(lines) + 1:
        return ""
    here = lines[error.line - 1] if error.line <= len(lines) else ""
    rules = (_unclosed, _colon_in_value, _misindented, _quoted_then_more, _comment_cut, _other)
    for rule in rules:
        found = rule(error, lines, here)
        if found:
            return found
    return ""


def _unclosed(error: SyntaxError_, lines: list[str], here: str) -> str:
    opened = f" on line {error.context_line}" if error.context_line else ""
    if "quoted scalar" in error.context:
        return (
            f"the quote opened{opened} is never closed: end the value with the same quote "
            "mark (inside '...' write a ' as '', inside \"...\" write a \" as \\\")"
        )
    for kind, bracket, closing in (("sequence", "[", "]"), ("mapping", "{", "}")):
        if f"flow {kind}" in error.context:
            begun = error.context_line or 0
            start = lines[begun - 1] if 0 < begun <= len(lines) else ""
            if _COMMENT_IN_VALUE.search(start.split(bracket, 1)[-1]):
                return (
                    f"' #' starts a comment, which hides the rest of line {error.context_line} "
                    f"and its closing '{closing}': put the value holding '#' in quotes"
                )
            return (
                f"the '{bracket}' opened{opened} is not closed: end it with '{closing}' on the "
                f"same line, and quote any value holding ',', '{bracket}' or '{closing}'"
            )
    return ""


def _colon_in_value(error: SyntaxError_, lines: list[str], here: str) -> str:
    if "mapping values are not allowed" not in error.problem:
        return ""
    key = _KEY.match(here)
    if key and key.end() < error.column:  # a key, then another ': ' further on the line
        return f"the value of '{key.group(2)}' holds ': ': {QUOTE_IT}"
    above = _key_above(lines, error.line)
    if key and above:
        return _indent_advice(key, above)
    return f"a value holding ': ' must be quoted: {QUOTE_IT}"


def _misindented(error: SyntaxError_, lines: list[str], here: str) -> str:
    if not error.problem.startswith("did not find expected"):
        return ""
    key, above = _KEY.match(here), _key_above(lines, error.line)
    if key is None or above is None or len(key.group(1)) >= error.column:
        return ""
    return _indent_advice(key, above)


def _indent_advice(key: re.Match[str], above: tuple[int, re.Match[str]]) -> str:
    line, other = above
    have, want = _key_column(key), _key_column(other)
    if have == want:
        return ""
    return (
        f"'{key.group(2)}:' starts in column {have} but '{other.group(2)}:' on line {line} in "
        f"column {want}: keys of one entry line up; indent it with spaces to column {want}"
    )


def _quoted_then_more(error: SyntaxError_, lines: list[str], here: str) -> str:
    key = _KEY.match(here)
    value = here[key.end() :].lstrip() if key else ""
    if value[:1] in ("'", '"') and error.problem == "did not find expected key":
        mark = value[0]
        inner = "double it ('')" if mark == "'" else 'write it \\"'
        return (
            f"the value starts with {mark}, so it ends at the next {mark}: to keep a {mark} "
            f"inside the value, {inner}, or put the value in the other quotes"
        )
    return ""


def _comment_cut(error: SyntaxError_, lines: list[str], here: str) -> str:
    """A value continued on the next line after a ` #`, which ended it as a comment."""
    if _KEY.match(here) or error.line < 2:
        return ""
    above = lines[error.line - 2]
    key = _KEY.match(above)
    value = above[key.end() :] if key else ""
    if key is None or value.lstrip()[:1] in ("'", '"') or not _COMMENT_IN_VALUE.search(value):
        return ""
    return (
        f"' #' on line {error.line - 1} starts a comment, which ends the value of "
        f"'{key.group(2)}' there, so this line cannot go on with it: {QUOTE_IT}"
    )


def _other(error: SyntaxError_, lines: list[str], here: str) -> str:
    if "block sequence entries are not allowed" in error.problem:
        return "a value starting with '- ' must be quoted, or start a list on the next line"
    if "could not find expected ':'" in error.problem:
        where = error.context_line or error.line
        return f"a key needs a colon and a space after it ('claim: ...'): check line {where}"
    if "found character that cannot start any token" in error.problem:
        return f"a value starting with '@', '`' or '%' must be quoted: {QUOTE_IT}"
    return ""


def _key_above(lines: list[str], line: int) -> tuple[int, re.Match[str]] | None:
    """The nearest line above `line` (1-based) holding a key, with its number."""
    for number in range(line - 1, 0, -1):
        found = _KEY.match(lines[number - 1])
        if found:
            return number, found
        if lines[number - 1].strip() and not lines[number - 1].lstrip().startswith("#"):
            return None  # a continued value, or a list item: no key to line up with
    return None


def _key_column(key: re.Match[str]) -> int:
    return len(key.group(1)) + 1
