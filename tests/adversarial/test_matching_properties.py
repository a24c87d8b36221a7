"""Properties of quote matching over the real corpus, checked on many generated quotes.

- a quote cut at word boundaries (five words or more) from a paragraph matches its document;
- the same quote with one word changed to a word the document does not hold never matches;
- the match survives curly or straight quotes, any dash, no-break spaces and folded whitespace.
"""

from __future__ import annotations

import string
from pathlib import Path

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from generator.corpus.documents import Document
from generator.corpus.normalize import DASHES, normalize, quote_parts
from generator.match.search import locate

from .workspace import REPO_ROOT

MIN_WORDS = 5
DOCUMENTS = [
    Document.from_text(path.stem, path, path.read_text(encoding="utf-8"))
    for path in sorted((REPO_ROOT / "corpus").glob("*.txt"))
]
PARAGRAPHS = [
    (document, paragraph.split())
    for document in DOCUMENTS
    for paragraph in document.paragraphs
    if len(paragraph.split()) >= MIN_WORDS
]
PROPERTY = settings(max_examples=150, deadline=None)


def matches(quote: str, document: Document) -> bool:
    return locate(quote_parts(normalize(quote)), document) is not None


@st.composite
def cut_quotes(draw: st.DrawFn) -> tuple[Document, list[str]]:
    """A paragraph's document and a run of at least five of its words."""
    document, words = draw(st.sampled_from(PARAGRAPHS))
    start = draw(st.integers(0, len(words) - MIN_WORDS))
    end = draw(st.integers(start + MIN_WORDS, len(words)))
    return document, words[start:end]


def test_the_corpus_is_big_enough_to_say_something() -> None:
    assert len(DOCUMENTS) >= 5
    assert len(PARAGRAPHS) >= 50


@PROPERTY
@given(cut_quotes())
def test_a_quote_cut_from_a_paragraph_matches_its_document(
    cut: tuple[Document, list[str]],
) -> None:
    document, words = cut
    assert matches(" ".join(words), document)


NOT_WORDS = st.text(alphabet=string.ascii_letters, min_size=3, max_size=12)
OTHER_WORDS = st.sampled_from(sorted({word for _, words in PARAGRAPHS for word in words}))


@PROPERTY
@given(cut_quotes(), st.data(), st.one_of(NOT_WORDS, OTHER_WORDS))
def test_one_changed_word_never_matches(
    cut: tuple[Document, list[str]], data: st.DataObject, replacement: str
) -> None:
    document, words = cut
    assume(normalize(replacement) not in document.haystack)
    index = data.draw(st.integers(0, len(words) - 1))
    changed = [*words[:index], replacement, *words[index + 1 :]]
    assert not matches(" ".join(changed), document)


SPACES = [" ", "\u00a0", "  ", "\n", "\r\n  ", " \t", "\u2009", "\u202f", "\u3000"]
# Curly quotes proper. (The double primes U+2033 and U+2036 are not among them: NFKC, which comes
# first, turns each into two single primes, so they normalise to '' rather than ".)
SINGLE = "\u2018\u2019\u201a\u201b'"
DOUBLE = '\u201c\u201d\u201e\u201f\u00ab\u00bb"'


@st.composite
def disguised(draw: st.DrawFn, text: str) -> str:
    """`text` with each quote mark, dash and space swapped for an equivalent one."""
    out = []
    for char in text:
        if char == "'":
            out.append(draw(st.sampled_from(SINGLE)))
        elif char == '"':
            out.append(draw(st.sampled_from(DOUBLE)))
        elif char == "-":
            out.append(draw(st.sampled_from(DASHES + "-")))
        elif char == " ":
            out.append(draw(st.sampled_from(SPACES)))
        else:
            out.append(char)
    edges = st.sampled_from(["", " ", "\n", "\u00a0"])
    return draw(edges) + "".join(out) + draw(edges)


@PROPERTY
@given(cut_quotes(), st.data())
def test_matching_ignores_quote_marks_dashes_and_spacing(
    cut: tuple[Document, list[str]], data: st.DataObject
) -> None:
    document, words = cut
    quote = data.draw(disguised(normalize(" ".join(words))))
    assert matches(quote, document)


def test_a_disguised_quote_is_really_different_text(tmp_path: Path) -> None:
    """The transformation is not a no-op: it changes the raw text, not the normalised one."""
    text = 'Iran and Russia - Assad\'s "allies"'
    document = Document.from_text("doc", tmp_path / "doc.txt", text)
    disguised_text = "Iran\u00a0and Russia \u2014 Assad\u2019s\n \u201callies\u201d"
    assert disguised_text != text
    assert matches(disguised_text, document)
    assert not matches("Iran and Russia - Assad's allies", document)
