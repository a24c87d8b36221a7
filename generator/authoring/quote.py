"""`quote`: find the corpus sentences holding some words, ready to paste as a `sources:` entry."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass

from generator.corpus.documents import Corpus, Document
from generator.corpus.normalize import normalize, quote_parts, word_count
from generator.corpus.sentences import split_sentences
from generator.load.yaml import shown
from generator.match.search import locate
from generator.match.verify import MIN_WORDS


@dataclass(frozen=True, slots=True)
class Found:
    """A sentence of a document, verbatim, with its 1-based paragraph and sentence numbers."""

    doc_id: str
    paragraph: int
    sentence: int
    text: str
    #: The sentence before it (the previous paragraph's last one, for a paragraph's first).
    before: str = ""

    def yaml_entry(self) -> str:
        """The `sources:` list item to paste, the quote safely quoted for YAML."""
        return f"- doc: {self.doc_id}\n  quote: {yaml_quoted(self.text)}\n"


def find_sentences(corpus: Corpus, words: list[str], doc_id: str | None = None) -> Iterator[Found]:
    """Sentences holding every word (whole words, any case, after normalisation), in order."""
    patterns = [_word_pattern(word) for word in normalize(" ".join(words)).split()]
    for document in corpus.documents.values():
        if doc_id is not None and document.id != doc_id:
            continue
        before = ""
        for number, paragraph in enumerate(document.paragraphs, start=1):
            for index, (start, end) in enumerate(split_sentences(paragraph), start=1):
                text = paragraph[start:end].strip()
                plain = normalize(text)
                if patterns and all(pattern.search(plain) for pattern in patterns):
                    citable = _citable(text, plain, document)
                    yield Found(document.id, number, index, citable, before)
                before = text


def document_line(document: Document) -> str:
    """Where a document comes from, as `sources.yml` states it: title, outlet and date."""
    meta = document.meta
    if meta is None:
        return "(not listed in sources.yml)"
    outlet = meta.outlet or "outlet not stated"
    published = meta.published or "date not stated"
    return shown(f'"{meta.title}", {outlet}, {published}')


def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)", re.IGNORECASE)


def _citable(text: str, plain: str, document: Document) -> str:
    """The verbatim sentence, or its normalised form when only that is found by the checker."""
    return text if locate(quote_parts(plain), document) else plain


def too_short(found: Found) -> bool:
    return word_count(normalize(found.text)) < MIN_WORDS


def yaml_quoted(text: str) -> str:
    """A one-line YAML scalar for `text`: single-quoted, or JSON-style when it needs escapes."""
    if text.isprintable():
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text)  # \uXXXX escapes: YAML reads NEL or LS raw as line breaks
