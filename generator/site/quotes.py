"""A verified quote shown inside the whole source sentence it was taken from."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.corpus.documents import Corpus
from generator.corpus.normalize import normalisations_used
from generator.corpus.sentences import split_sentences
from generator.match.search import part_spans
from generator.match.verify import QuoteCheck
from generator.quantity import Quantity
from generator.site.offsets import OffsetMap


@dataclass(frozen=True, slots=True)
class QuoteView:
    """The sentence(s) around a quote, split into the text before, the quoted part and after."""

    doc_id: str
    quote: str
    before: str
    marked: str
    after: str
    values: tuple[tuple[str, Quantity], ...]
    #: 0-based paragraph and sentence indexes of the document, None when the quote was not found.
    paragraph: int | None = None
    sentences: tuple[int, ...] = ()
    normalisations: tuple[str, ...] = ()
    elided: bool = False
    #: An elided quote's marked text cut into what is quoted (True) and what is left out.
    pieces: tuple[tuple[str, bool], ...] = ()
    #: Where the marked text starts and ends in the raw paragraph (both 0 when not found).
    start: int = 0
    end: int = 0
    #: The raw spans of the quote's parts (one, or one per part of an elided quote).
    spans: tuple[tuple[int, int], ...] = ()

    @property
    def anchor(self) -> str | None:
        """The id of the sentence holding the start of the quote, like `p3-s2`."""
        if self.paragraph is None or not self.sentences:
            return None
        return sentence_anchor(self.paragraph, self.sentences[0])

    @property
    def verbatim(self) -> bool:
        return not self.normalisations and not self.elided


def sentence_anchor(paragraph: int, sentence: int) -> str:
    return f"p{paragraph + 1}-s{sentence + 1}"


@dataclass(slots=True)
class ParagraphCache:
    """Sentence spans and offset maps of paragraphs, each computed once."""

    corpus: Corpus
    _sentences: dict[tuple[str, int], list[tuple[int, int]]] = field(default_factory=dict)
    _offsets: dict[tuple[str, int], OffsetMap] = field(default_factory=dict)

    def text(self, doc_id: str, paragraph: int) -> str:
        return self.corpus.documents[doc_id].paragraphs[paragraph]

    def sentences(self, doc_id: str, paragraph: int) -> list[tuple[int, int]]:
        key = (doc_id, paragraph)
        if key not in self._sentences:
            self._sentences[key] = split_sentences(self.text(doc_id, paragraph))
        return self._sentences[key]

    def offsets(self, doc_id: str, paragraph: int) -> OffsetMap:
        key = (doc_id, paragraph)
        if key not in self._offsets:
            document = self.corpus.documents[doc_id]
            normalized = document.normalized[paragraph]  # what quote locations point into
            self._offsets[key] = OffsetMap(document.paragraphs[paragraph], normalized)
        return self._offsets[key]


def quote_view(check: QuoteCheck, cache: ParagraphCache) -> QuoteView:
    """The view of one `sources:` entry; an unverified quote is shown alone, unlinked."""
    source = check.source
    values = tuple(sorted(source.values.items()))
    location = check.location
    if location is None or location.doc_id not in cache.corpus.documents:
        return QuoteView(source.doc, source.quote, "", source.quote, "", values)
    doc_id, paragraph = location.doc_id, location.paragraph
    raw = cache.text(doc_id, paragraph)
    offsets = cache.offsets(doc_id, paragraph)
    start, end = offsets[location.start][0], offsets[location.end - 1][1]
    spans = cache.sentences(doc_id, paragraph)
    covered = tuple(i for i, (s, e) in enumerate(spans) if s < end and e > start) or (0,)
    first, last = min(spans[covered[0]][0], start), max(spans[covered[-1]][1], end)
    elided = len(check.parts) > 1
    marked = raw[start:end]
    used = () if elided else tuple(normalisations_used(source.quote, marked))
    parts = _part_spans(check, cache) if elided else ((start, end),)
    return QuoteView(
        doc_id,
        source.quote,
        raw[first:start],
        marked,
        raw[end:last],
        values,
        paragraph,
        covered,
        used,
        elided,
        _pieces(raw, parts) if elided else (),
        start,
        end,
        parts,
    )


def _part_spans(check: QuoteCheck, cache: ParagraphCache) -> tuple[tuple[int, int], ...]:
    """The raw span of each part of an elided quote, where the check found it."""
    assert check.location is not None
    location = check.location
    normalized = cache.corpus.documents[location.doc_id].normalized[location.paragraph]
    offsets = cache.offsets(location.doc_id, location.paragraph)
    return tuple(
        (offsets[start][0], offsets[end - 1][1])
        for start, end in part_spans(check.parts, normalized, location.start)
    )


def _pieces(raw: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[str, bool], ...]:
    """The raw text from the quote's first part to its last: each part (True) and the words
    left out between two parts (False)."""
    pieces: list[tuple[str, bool]] = []
    for (start, end), (next_start, _) in zip(spans, [*spans[1:], (-1, -1)], strict=True):
        pieces.append((raw[start:end], True))
        if next_start > end:
            pieces.append((raw[end:next_start], False))
    return tuple(pieces)
