"""The words that changed between two values, for a reviewer: `[-old-]{+new+}` in text,
~~old~~ **new** in Markdown, so a one-word edit in a three-line claim is seen at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")

#: A run of the new value: unchanged text, or the old text replaced by the new (either "").
Run = tuple[str, str, str]  # (same, old, new): `same` set, or `old`/`new` set


def word_runs(old: str, new: str) -> list[Run]:
    """`new` as runs of unchanged text and of changes (old → new), in order."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    runs: list[Run] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        before, after = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            runs.append((before, "", ""))
        elif runs and not runs[-1][0]:  # changes side by side: one change
            runs[-1] = ("", runs[-1][1] + before, runs[-1][2] + after)
        else:
            runs.append(("", before, after))
    return _join_across_spaces(runs)


def _join_across_spaces(runs: list[Run]) -> list[Run]:
    """Two changes parted only by a space are one change: `[-two words-]`, not two marks."""
    joined: list[Run] = []
    for run in runs:
        if len(joined) >= 2 and not run[0] and joined[-1][0].isspace() and not joined[-2][0]:
            space = joined.pop()[0]
            _, old, new = joined.pop()
            run = ("", old + space + run[1], new + space + run[2])
        joined.append(run)
    return joined


def marked_text(old: str, new: str) -> str:
    """`new` with each change written `[-old-]{+new+}` (as `git diff --word-diff=plain`)."""
    parts = []
    for same, before, after in word_runs(old, new):
        if same:
            parts.append(same)
            continue
        parts.append(f"[-{before}-]" if before else "")
        parts.append(f"{{+{after}+}}" if after else "")
    return "".join(parts)


def marked_markdown(old: str, new: str, escape_text: Callable[[str], str]) -> str:
    """`new` in Markdown, each change ~~old~~ **new**; `escape_text` makes text inert."""
    parts = []
    for same, before, after in word_runs(old, new):
        if same:
            parts.append(_spaced(same, escape_text))
            continue
        if before.strip():
            parts.append(_spaced(before, lambda text: f"~~{escape_text(text)}~~"))
        if after.strip():
            space = " " if before.strip() else ""
            parts.append(space + _spaced(after, lambda text: f"**{escape_text(text)}**"))
    return "".join(parts)


def _spaced(text: str, render: Callable[[str], str]) -> str:
    """`render(text)` with the text's edge spaces kept outside (Markdown marks need that)."""
    core = text.strip()
    if not core:
        return " " if text else ""
    lead = " " if text[0].isspace() else ""
    trail = " " if text[-1].isspace() else ""
    return f"{lead}{render(core)}{trail}"
