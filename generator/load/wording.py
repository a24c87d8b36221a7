"""Words for messages: a place in an entry as a curator says it, and "did you mean".

Messages name places in the curator's language ("the first source's 'quote'"), not as
pydantic's 0-based paths (`sources.0.quote`): the line and column already say where.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth")
_ONE_OF = {"sources": "source", "countries": "country", "aliases": "alias"}


def ordinal(index: int) -> str:
    """`0` -> "first"; past the eighth, "9th", "12th", "21st"."""
    if index < len(_ORDINALS):
        return _ORDINALS[index]
    number = index + 1
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10)
    return f"{number}{suffix or 'th'}"


def spoken_path(path: Iterable[str | int]) -> str:
    """`("sources", 0, "quote")` -> "the first source's 'quote'"; () -> "the entry"."""
    parts = list(path)
    phrases: list[str] = []
    index = 0
    while index < len(parts):
        part, following = parts[index], parts[index + 1] if index + 1 < len(parts) else None
        if isinstance(part, str) and isinstance(following, int):
            phrases.append(f"the {ordinal(following)} {_ONE_OF.get(part, part)}")
            index += 2
        elif part == "values" and isinstance(following, str):
            named = index + 2 < len(parts) and parts[index + 2] == "[key]"
            phrases.append("value name" if named else f"value '{following}'")
            index += 3 if named else 2
        else:
            phrases.append(f"'{part}'")
            index += 1
    return "'s ".join(phrases) or "the entry"


def did_you_mean(name: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The one of `known` closest to `name` (also ignoring case), if any is close."""
    choices = list(dict.fromkeys(known))
    folded = {choice.casefold(): choice for choice in choices}
    if name.casefold() in folded and folded[name.casefold()] != name:
        return folded[name.casefold()]
    close = difflib.get_close_matches(name, choices, n=1, cutoff=cutoff)
    if not close:
        found = difflib.get_close_matches(name.casefold(), list(folded), n=1, cutoff=cutoff)
        close = [folded[found[0]]] if found else []
    return close[0] if close else None
