"""A value as a source reports it: a number with the source's own hedge (`up to 10`, `nearly
40`, `20,000-31,000`), and the interval it stands for when reports are compared."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

#: The qualifiers of SPEC.md ("Beyond the quote"), each with what it means.
QUALIFIERS: dict[str, str] = {
    **dict.fromkeys(
        ("about", "around", "approximately", "roughly", "some", "an estimated", "close to"),
        "approximately",
    ),
    **dict.fromkeys(("nearly", "almost"), "a little under"),
    **dict.fromkeys(("up to", "as many as", "at most", "no more than"), "at most"),
    **dict.fromkeys(("fewer than", "less than", "under"), "below"),
    **dict.fromkeys(("at least", "no fewer than"), "at least"),
    **dict.fromkeys(("more than", "over", "upwards of"), "above"),
}
EXACTLY, RANGE = "exactly", "a range"
NUMBER = r"(?:0|[1-9][0-9]{0,2}(?:,[0-9]{3})+|[1-9][0-9]*)"
_QUALIFIER = "|".join(sorted(QUALIFIERS, key=len, reverse=True))
#: What a value may be written as: a number, a qualifier and a number, or a range A-B.
PATTERN = rf"^(?:(?:{_QUALIFIER}) )?{NUMBER}$|^{NUMBER}-{NUMBER}$"
_WRITTEN = re.compile(
    rf"(?:(?P<qualifier>{_QUALIFIER}) )?(?P<low>{NUMBER})(?:-(?P<high>{NUMBER}))?", re.IGNORECASE
)
MAX_DIGITS = 100
Bound = int | Fraction


@dataclass(frozen=True, slots=True)
class Quantity:
    """A value of `values:`: as written, its qualifier (lower case; None when bare), and its
    number (`low`; a range has a `high` end above it)."""

    text: str
    qualifier: str | None
    low: int
    high: int | None = None

    @property
    def meaning(self) -> str:
        """What the value says of the count: `exactly`, `at most`, `a range`..."""
        if self.high is not None:
            return RANGE
        return QUALIFIERS[self.qualifier] if self.qualifier else EXACTLY

    @property
    def interval(self) -> tuple[Bound, Bound | None]:
        """The counts the value allows, for comparing reports; None above means no limit."""
        n = self.low
        bounds: dict[str, tuple[Bound, Bound | None]] = {
            EXACTLY: (n, n),
            "approximately": (Fraction(9 * n, 10), Fraction(11 * n, 10)),
            "a little under": (Fraction(9 * n, 10), n),
            "at most": (0, n),
            "below": (0, max(n - 1, 0)),
            "at least": (n, None),
            "above": (n + 1, None),
            RANGE: (n, self.high if self.high is not None else n),
        }
        return bounds[self.meaning]

    def interval_data(self) -> list[int | float | None]:
        """The interval as JSON writes it (`null` for no upper limit)."""
        return [_plain(bound) for bound in self.interval]

    @property
    def number(self) -> int:
        """The number the quote must state next to the qualifier (a range's upper end)."""
        return self.high if self.high is not None else self.low

    def __str__(self) -> str:
        return self.text


def parse_quantity(value: object) -> Quantity:
    """A value as YAML gives it (an integer, or text like `up to 10`), or ValueError."""
    if isinstance(value, Quantity):
        return value
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("must be a number, like 600, up to 10 or 20,000-31,000")
    return _parse_text(str(value) if isinstance(value, int) else value)


@lru_cache(maxsize=4096)  # a fact base repeats its values (and a Quantity is immutable)
def _parse_text(text: str) -> Quantity:
    if text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS and text[0] != "0":
        return Quantity(text, None, int(text))  # the usual case, quickly
    if len(text) > MAX_DIGITS + 20:
        raise ValueError(f"has more than {MAX_DIGITS} digits; no source counts that far")
    match = _WRITTEN.fullmatch(text)
    if match is None:
        raise ValueError(f"'{text}' {_hint(text)}")
    qualifier, low, high = match.group("qualifier", "low", "high")
    if max(len(low), len(high or "")) > MAX_DIGITS:
        raise ValueError(f"has more than {MAX_DIGITS} digits; no source counts that far")
    low_number = int(low.replace(",", ""))
    high_number = int(high.replace(",", "")) if high else None
    if high_number is not None and high_number <= low_number:
        raise ValueError(f"'{text}' is a range whose upper end is not above its lower end")
    if qualifier and high_number is not None:
        raise ValueError(f"'{text}': a range takes no qualifier; write it as the quote has it")
    return Quantity(text, qualifier.lower() if qualifier else None, low_number, high_number)


def _hint(text: str) -> str:
    if " " not in text.strip():  # 0755, 1.10, 0x1F, 1e3, NO: no qualifier, not a number
        return "is not a whole number; write digits, like 600, 27,600 or 27600"
    return (
        "is not a value; write a number (600), a qualifier and a number as the quote has "
        "them (up to 10, nearly 40, about 2,600, more than 27,600), or a range (20,000-31,000)"
    )


def written(qualifier: str | None, number: int, high: int | None = None) -> str:
    """A value as a curator should write it: `up to 10`, `27,600`, `20,000-31,000`."""
    if high is not None:
        return f"{number:,}-{high:,}"
    return f"{qualifier} {number:,}" if qualifier else f"{number:,}"


def _plain(bound: Bound | None) -> int | float | None:
    if isinstance(bound, Fraction):
        return int(bound) if bound.denominator == 1 else float(bound)
    return bound
