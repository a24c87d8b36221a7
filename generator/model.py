"""The validated fact base: countries, events and facts, as curators write them."""

from __future__ import annotations

import datetime as dt
import unicodedata
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    WithJsonSchema,
)

from generator.quantity import PATTERN as QUANTITY_PATTERN
from generator.quantity import Quantity, parse_quantity

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CODE_PATTERN = r"^[A-Z]{2}$"
DOC_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
DATE_PATTERN = r"^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$"
TOPICS = ("military", "diplomatic", "humanitarian", "political", "security", "other")

Topic = Literal["military", "diplomatic", "humanitarian", "political", "security", "other"]


def _real_date(value: str) -> str:
    try:  # DATE_PATTERN has matched: YYYY-MM-DD, YYYY-MM or YYYY (real when its 1st day is)
        dt.date.fromisoformat((value + "-01-01")[:10])
    except ValueError:
        raise ValueError(f"{value} is not a real date; write YYYY-MM-DD, YYYY-MM or YYYY") from None
    return value


_INVISIBLE = {"Cf", "Cc", "Co", "Cs"}
_PRINTABLE_ASCII = frozenset(map(chr, range(0x20, 0x7F)))


# Characters that show nothing although Unicode calls them letters or symbols (the Hangul
# fillers, the blank Braille pattern), and the rest of Unicode's default-ignorable code points
# (DerivedCoreProperties.txt), which fonts draw as nothing.
_BLANK_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160),
    (0x17B4, 0x17B5), (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E),
    (0x2060, 0x206F), (0x2800, 0x2800), (0x3164, 0x3164), (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8), (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
BLANK = frozenset(chr(code) for low, high in _BLANK_RANGES for code in range(low, high + 1))


def shows_something(char: str) -> bool:
    """Whether a character is drawn as something: not a space, control, format character,
    lone combining mark (nothing to combine with in a blank text) or one of `BLANK`."""
    return unicodedata.category(char)[0] not in "ZCM" and char not in BLANK


def _visible_text(value: str) -> str:
    if not any(map(shows_something, value)):
        raise ValueError(
            "must not be empty: it shows nothing (only spaces or blank characters like "
            "U+3164 or U+2800); write the text"
        )
    if value.isprintable():  # the common case, quickly: no character is invisible then
        return value
    suspects = set(value).difference(_PRINTABLE_ASCII)  # only these need a category look-up
    invisible = {c for c in suspects if unicodedata.category(c) in _INVISIBLE and c not in "\n\r"}
    if invisible:
        char = next(char for char in value if char in invisible)  # the first one, as written
        name = unicodedata.name(char, f"U+{ord(char):04X}")
        raise ValueError(f"contains the invisible character {name}; delete it")
    return value


#: Every character that ends a line for some reader: `str.splitlines` (so Python-Markdown and
#: MkDocs' front matter), YAML (NEL, LS, PS) and JavaScript (LS, PS).
LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
_BREAK_NAMES = {
    "\n": "a line feed",
    "\r": "a carriage return",
    "\v": "a vertical tab",
    "\f": "a form feed",
    "\x85": "a next-line character (NEL)",
}


def _one_line(value: str) -> str:
    """A name, place or alias is shown on one line: a page title, a table cell, a link."""
    if LINE_BREAKS.isdisjoint(value):
        return value
    char = next(char for char in value if char in LINE_BREAKS)
    name = _BREAK_NAMES.get(char) or "a " + unicodedata.name(char, "information separator").lower()
    raise ValueError(
        f"must be one line, but holds {name} (U+{ord(char):04X}); write it on one line"
    )


#: The longest id (of a fact or event; a document's file name too): an event's id is a folder
#: name of the site (at most 255 bytes on most file systems), and ids are read in URLs.
MAX_ID_LENGTH = 100
#: Ids that name a generated page rather than an item's (`events/index.md` is the events index).
RESERVED_IDS = frozenset({"index"})


def _not_reserved(value: str) -> str:
    if value in RESERVED_IDS:
        raise ValueError(f"'{value}' is reserved: it names a page of the site; choose another id")
    return value


Slug = Annotated[
    str,
    Field(
        pattern=SLUG_PATTERN,
        max_length=MAX_ID_LENGTH,
        description="lowercase slug, like paris-2014",
    ),
    AfterValidator(_not_reserved),
]
CountryCode = Annotated[
    str, Field(pattern=CODE_PATTERN, description="ISO 3166-1 alpha-2 code, like AU")
]
FuzzyDate = Annotated[
    str,
    Field(
        pattern=DATE_PATTERN,
        description="YYYY-MM-DD, YYYY-MM or YYYY: only as precise as a quote gives it",
    ),
    AfterValidator(_real_date),
]
Text = Annotated[str, AfterValidator(_visible_text)]
#: A value of `values:` as written (`600`, `up to 10`, `20,000-31,000`), read as a Quantity.
Value = Annotated[
    Quantity,
    PlainValidator(parse_quantity),
    PlainSerializer(str, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0},
                {"type": "string", "pattern": QUANTITY_PATTERN},
            ],
            "description": "a number as the quote gives it: 600, up to 10, about 2,600, "
            "more than 27,600, 20,000-31,000",
        }
    ),
]
#: Text shown on one line (names, places, aliases): no line or paragraph separator of any kind.
Line = Annotated[str, AfterValidator(_one_line), AfterValidator(_visible_text)]
DocId = Annotated[
    str,
    Field(
        pattern=DOC_PATTERN,
        max_length=MAX_ID_LENGTH,
        description="corpus file name without .txt",
    ),
]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class SourceRef(Strict):
    """A sentence of a corpus document that backs an event or a fact."""

    doc: DocId
    quote: Text = Field(description="the sentence (or part) copied from the document")
    values: dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")], Value] = Field(
        default_factory=dict,
        description="numbers the quote reports, with its qualifier: {aircraft: up to 10}",
    )


class Country(Strict):
    code: CountryCode
    name: Line
    aliases: list[Line] = Field(default_factory=list, description="other names and demonyms")


class Event(Strict):
    id: Slug
    name: Line
    date: FuzzyDate | None = None
    place: Line | None = None
    countries: list[CountryCode] = Field(default_factory=list, description="hosts or parties")
    sources: list[SourceRef] = Field(min_length=1)


class Fact(Strict):
    id: Slug
    countries: list[CountryCode] = Field(min_length=1)
    event: Slug | None = None
    date: FuzzyDate | None = None
    topic: Topic
    claim: Text = Field(description="the curator's words, plain text")
    sources: list[SourceRef] = Field(min_length=1)


class FactFile(Strict):
    """The shape of one file under facts/ (all keys optional; the loader merges files)."""

    countries: list[Country] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list)


MODEL_BY_SECTION: dict[str, type[Strict]] = {
    "countries": Country,
    "events": Event,
    "facts": Fact,
}
