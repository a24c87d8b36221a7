"""Each quoted passage once per page: later quotes of the same sentences point back to it.

An event page quotes the event's sources, then its facts quote the same sentences again; a
country page has facts that share a sentence. The first use of a passage on a page shows it,
with every event and fact of the page that uses it listed against it; a later use shows a link
to that first showing instead of the sentence again.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.site.views import CitedQuote, DateOrigin, Ref


@dataclass(frozen=True, slots=True)
class QuoteUse:
    """How a page shows one quote: in full (`first`) or as a link to where it is shown."""

    first: bool
    #: The html id of the passage's first showing on the page.
    anchor: str
    #: The events and facts of the page that quote this passage, in page order.
    users: tuple[Ref, ...]


@dataclass(slots=True)
class PagePassages:
    """The uses of quotes on one page, in the order the page shows them."""

    _uses: dict[int, QuoteUse] = field(default_factory=dict)

    def __call__(self, cited: CitedQuote) -> QuoteUse:
        """The use of a quote; a quote the page did not register is shown in full."""
        return self._uses.get(id(cited)) or QuoteUse(True, "", ())

    def add(self, ident: int, use: QuoteUse) -> None:
        self._uses[ident] = use


Sentence = tuple[str, int, int]  # document, paragraph, sentence


def sentences_of(cited: CitedQuote) -> list[Sentence]:
    quote = cited.quote
    if quote.paragraph is None:
        return []
    return [(quote.doc_id, quote.paragraph, number) for number in quote.sentences]


def page_passages(owners: list[tuple[Ref, list[CitedQuote]]]) -> PagePassages:
    """The uses of every quote of `owners` (an event or fact and its quotes, in page order).

    A quote none of whose sentences the page has shown yet is shown; a quote that shares a
    sentence with one shown before points back to that one (the first it shares one with).
    """
    shown: dict[Sentence, int] = {}  # sentence -> id() of the quote that shows it
    anchors: dict[int, str] = {}
    users: dict[int, dict[Ref, None]] = {}  # in page order, each once: a dict, not a list
    first_of: dict[int, int] = {}  # id() of each quote -> id() of the quote that shows it
    for owner, quotes in owners:
        for cited in quotes:
            sentences = sentences_of(cited)
            if not sentences:
                continue
            first = next((shown[s] for s in sentences if s in shown), id(cited))
            if first == id(cited):
                doc, paragraph, number = sentences[0]
                anchors[first] = f"q-{doc[:3]}-p{paragraph + 1}-s{number + 1}"
                shown.update(dict.fromkeys(sentences, first))
            users.setdefault(first, {})[owner] = None
            anchors.setdefault(id(cited), anchors[first])
            first_of.setdefault(id(cited), first)
    passages = PagePassages()
    showing = set(shown.values())
    # One tuple of users a passage, shared by every quote of it: many facts citing one
    # sentence must not make a copy of all of them for each (quadratic in time and memory).
    refs = {first: tuple(owners_of) for first, owners_of in users.items()}
    for ident, anchor in anchors.items():
        passages.add(ident, QuoteUse(ident in showing, anchor, refs[first_of[ident]]))
    return passages


@dataclass(slots=True)
class DatesShown:
    """Where each date of a page comes from, said once: the first showing of a date with its
    source's words gives them, a later one of the same date and words says "as dated above"."""

    _seen: set[tuple[str, str, str]] = field(default_factory=set)

    def __call__(self, date: str, origin: DateOrigin) -> bool:
        """Whether this is the first showing of `date` from `origin` on the page."""
        key = (date, origin.words, origin.source.id)
        first = key not in self._seen
        self._seen.add(key)
        return first


def every_time(date: str, origin: DateOrigin) -> bool:
    """Pages that list dates apart from one another (the timeline) give each its words."""
    return True
