"""Dates as curators write them (YYYY-MM-DD, YYYY-MM or YYYY), sorted and shown to readers."""

from __future__ import annotations

import calendar
from functools import lru_cache


@lru_cache(maxsize=4096)  # pages show the same dates again and again
def show_date(value: str | None) -> str:
    """`2014-09-15` -> `15 September 2014`; `2014-09` -> `September 2014`; `2014` -> `2014`;
    None -> `unknown`."""
    if not value:
        return "unknown"
    parts = value.split("-")
    if len(parts) == 1:
        return value
    month = calendar.month_name[int(parts[1])]
    if len(parts) == 3:
        return f"{int(parts[2])} {month} {parts[0]}"
    return f"{month} {parts[0]}"


def month_of(value: str) -> str:
    """The `YYYY-MM` a date falls in (a year-only date: its `YYYY`)."""
    return value[:7]


@lru_cache(maxsize=512)
def flag(code: str) -> str:
    """The flag emoji of an ISO 3166-1 alpha-2 code (two regional indicator symbols)."""
    return "".join(chr(0x1F1E6 + ord(letter) - ord("A")) for letter in code.upper())
