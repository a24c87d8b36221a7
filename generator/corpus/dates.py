"""Dates read from a quote's words, against its document's published date (P).

SPEC, "A date comes from the texts": full dates support their day wherever they are; a day and
month without a year, a month alone, a weekday, `today`, `yesterday` and `last week` need P.
Each form is read once: the words of a full date are not read again as a month or a weekday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.corpus.dateforms import FORMS_BY_CUES, Anchors
from generator.corpus.datespan import Precision, Reading, Span, date_span
from generator.corpus.quickdates import quickly_given

__all__ = [
    "DateSource",
    "Precision",
    "Reading",
    "Span",
    "date_sources",
    "date_span",
    "gives",
    "readings",
    "unread",
]


@dataclass(frozen=True, slots=True)
class DateSource:
    """A reading with the document it was read in (and that document's published date)."""

    reading: Reading
    doc: str
    published: str | None

    def describe(self) -> str:
        """`2014-09-15 from "Monday's conference" in 001_..., published 2014-09-15`."""
        text = f'{self.reading.shown()} from "{self.reading.words}" in {self.doc}'
        return f"{text}, published {self.published}" if self.published else text


def date_sources(
    quotes: Iterable[tuple[str, Sequence[str]]], published: Mapping[str, str]
) -> list[DateSource]:
    """Every date the quotes give: each quote as (document id, its parts)."""
    found: list[DateSource] = []
    for doc, parts in quotes:
        day = published.get(doc)
        for part in parts:
            found.extend(DateSource(item, doc, day) for item in readings(part, day))
    return found


def readings(text: str, published: str | None = None) -> list[Reading]:
    """The dates `text` gives, in the order of its words.

    `published` is the document's date, `YYYY-MM-DD`; without it (or when only its month or
    year is known) only full dates, month and year, and a year support anything."""
    return [reading for reading, _ in _scan(text, _day_of(published)) if reading is not None]


def unread(text: str) -> list[str]:
    """The words of `text` that would give a date if its document had a published date."""
    return [words for reading, words in _scan(text, None) if reading is None and words]


def gives(text: str, published: str | None, span: Span) -> bool:
    """Whether `text` supports the date of `span` (`date_span`): `readings`, stopping at the
    first that does (a form's reading is never taken back by a later form)."""
    p = _day_of(published)
    if quickly_given(text, p, span):  # most dates: where their own words are
        return True
    return any(item[1] is not None and item[1].covers(span) for item in _found(text, p))


def _scan(text: str, p: dt.date | None) -> list[tuple[Reading | None, str]]:
    """Each date form found, in the order of the text: its reading (None when it reads as no
    date), and its words when it is a form that needs P and P is missing."""
    found = sorted(_found(text, p), key=lambda item: item[0])
    return [(reading, words) for _, reading, words in found]


def _found(text: str, p: dt.date | None) -> Iterator[tuple[int, Reading | None, str]]:
    """Each date form found, form by form (most specific first): where its words start, its
    reading, and its words when it needs P and P is missing."""
    anchors = Anchors(text)
    if not anchors.cues:
        return
    taken: list[tuple[int, int]] = []
    for form in FORMS_BY_CUES[anchors.cues]:
        for match in anchors.matches(form, text):
            span = form.span(text, match)
            if span is None or any(span[0] < stop and begin < span[1] for begin, stop in taken):
                continue
            taken.append(span)
            words = text[span[0] : span[1]]
            yield span[0], form.read(match, p, words), words if form.needs_p and p is None else ""


@lru_cache(maxsize=1024)
def _day_of(published: str | None) -> dt.date | None:
    if published is None or len(published) != 10:
        return None
    try:
        return dt.date.fromisoformat(published)
    except ValueError:
        return None
