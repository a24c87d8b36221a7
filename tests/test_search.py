"""Finding a quote in a document: within one paragraph, elided parts in order."""

from __future__ import annotations

import marshal
import random
from pathlib import Path

import pytest

from generator.corpus.documents import Corpus, Document
from generator.corpus.normalize import normalize, quote_parts
from generator.match.search import (
    CorpusIndex,
    Location,
    _first_holding_most,
    _opcodes,
    describe_difference,
    locate,
)
from generator.match.wordindex import WordIndex

TEXT = """Headline of the story

The coalition met in Paris on Monday. Australia said it would provide eight aircraft.

France announced it had begun reconnaissance missions \u2014 over Iraq \u2014 on Monday.
Kerry said the talks went well. The ministers left Paris on Tuesday.
"""


@pytest.fixture(scope="module")
def document() -> Document:
    return Document.from_text("doc", Path("doc.txt"), TEXT)


def find(quote: str, document: Document) -> tuple[int, str] | None:
    """The paragraph index and matched normalised text of a quote, or None."""
    location = locate(quote_parts(normalize(quote)), document)
    if location is None:
        return None
    paragraph = document.normalized[location.paragraph]
    return location.paragraph, paragraph[location.start : location.end]


def test_a_quote_is_found_in_its_paragraph(document: Document) -> None:
    assert find("Australia said it would provide eight aircraft.", document) == (
        1,
        "Australia said it would provide eight aircraft.",
    )


def test_matching_uses_the_normalised_document(document: Document) -> None:
    quote = "begun reconnaissance missions - over Iraq - on Monday"
    assert find(quote, document) == (2, quote)


def test_matching_is_case_sensitive(document: Document) -> None:
    assert find("australia said it would provide eight aircraft", document) is None


def test_a_quote_spanning_two_paragraphs_does_not_match(document: Document) -> None:
    assert find("over Iraq - on Monday. Kerry said the talks went well.", document) is None
    assert find("on Monday. Kerry said the talks", document) is None


def test_elided_parts_match_in_order_within_a_paragraph(document: Document) -> None:
    found = find("The coalition met ... said it would [...] eight aircraft", document)
    assert found == (
        1,
        "The coalition met in Paris on Monday. Australia said it would provide eight aircraft",
    )
    assert find("The coalition met \u2026 eight aircraft", document) is not None


def test_elided_parts_out_of_order_do_not_match(document: Document) -> None:
    assert find("eight aircraft ... The coalition met in Paris", document) is None


def test_elided_parts_in_two_paragraphs_do_not_match(document: Document) -> None:
    assert find("The coalition met in Paris ... Kerry said the talks", document) is None


def test_the_paragraph_index_counts_only_non_blank_lines(document: Document) -> None:
    found = find("The ministers left Paris on Tuesday.", document)
    assert found is not None
    assert found[0] == 3


def test_difference_names_the_changed_word() -> None:
    quote = "Australia said it would provide nine aircraft"
    sentence = "Australia said it would provide eight aircraft and 600 personnel."
    assert describe_difference(quote, sentence) == "'nine' → 'eight'"


def test_difference_of_a_missing_word() -> None:
    quote = "Australia said it would provide aircraft"
    sentence = "Australia said it would provide eight aircraft"
    assert describe_difference(quote, sentence) == "the source has 'eight' here"


SENTENCE = (
    "France announced it had begun reconnaissance missions over Iraq on Monday, while "
    "Australia said it would provide eight aircraft and 600 personnel to help combat IS."
)


@pytest.mark.parametrize(
    ("quote", "difference"),
    [
        ("Austria said it would provide eight aircraft", "'Austria' → 'Australia'"),
        ("Australia said it would provide eight planes", "'planes' → 'aircraft'"),
        ("Australia said it would provide 8 aircraft", "'8' → 'eight'"),
    ],
)
def test_difference_at_the_edges_of_a_partial_quote(quote: str, difference: str) -> None:
    """The source's words outside the quoted part are not shown as differences."""
    assert describe_difference(quote, SENTENCE) == difference


def _common_subsequence(a: list[str], b: list[str]) -> int:
    lengths = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            longest = max(lengths[i][j + 1], lengths[i + 1][j])
            lengths[i + 1][j + 1] = lengths[i][j] + 1 if x == y else longest
    return lengths[-1][-1]


SHAPES = {"equal": (True, True), "replace": (True, True), "delete": (True, False)}


def test_differences_follow_the_longest_common_subsequence() -> None:
    """The blocks cover both word lists in order, equal blocks are equal, and as many words
    are kept as the longest common subsequence has, repeats and all."""
    rng = random.Random(7)
    for _ in range(2000):
        vocabulary = [str(number) for number in range(rng.randint(1, 12))]
        ours = [rng.choice(vocabulary) for _ in range(rng.randint(0, 25))]
        theirs = [rng.choice(vocabulary) for _ in range(rng.randint(0, 25))]
        i = j = kept = 0
        for tag, i1, i2, j1, j2 in _opcodes(ours, theirs):
            assert (i1, j1) == (i, j)
            assert (i1 < i2, j1 < j2) == SHAPES.get(tag, (False, True))
            if tag == "equal":
                assert ours[i1:i2] == theirs[j1:j2]
                kept += i2 - i1
            i, j = i2, j2
        assert (i, j) == (len(ours), len(theirs))
        assert kept == _common_subsequence(ours, theirs)


def test_elided_parts_are_found_in_the_paragraph_that_holds_them_all(document: Document) -> None:
    # 'said' is in paragraphs 2 and 4, but only paragraph 4 goes on to 'on Tuesday'.
    assert find("said ... on Tuesday", document) == (
        3,
        "said the talks went well. The ministers left Paris on Tuesday",
    )


def small_corpus() -> Corpus:
    texts = {
        "a": "The coalition met in Paris.\nAustralia sent eight aircraft.",
        "b": "Australia sent eight aircraft to Iraq.",
        "c": "Canada sent six aircraft.\nThe coalition met again in Paris.",
    }
    documents = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    return Corpus(Path("."), documents, [])


def test_word_index_finds_documents_by_their_words() -> None:
    index = WordIndex(small_corpus())
    assert index.holding_all(["sent", "eight"]) == ["a", "b"]
    assert index.holding_all(["sent", "nine"]) == []
    assert index.holding_all([]) is None
    assert index.rarest(["sent", "Iraq.", "eight", "unknown"], 2) == ["Iraq.", "eight"]
    assert index.holding_rare(["Canada", "eight"], 2, 10) == ["c"]  # none hold both


def test_word_index_narrows_by_as_many_words_as_it_takes() -> None:
    rng = random.Random(3)
    words = ["w" + str(number) for number in range(12)]
    texts = {f"d{n:02}": " ".join(rng.sample(words, 6)) for n in range(60)}
    documents = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    index = WordIndex(Corpus(Path("."), documents, []))
    for _ in range(200):
        asked = rng.sample(words, rng.randint(1, 4))
        holding = [key for key, text in texts.items() if set(asked) <= set(text.split())]
        found = index.holding_all(asked)
        assert found is not None
        assert set(holding) <= set(found)  # a prefilter: never loses a document
        assert found == sorted(found)


def test_word_index_keeps_rare_and_common_words_alike() -> None:
    """Common words are kept as bitmaps, rare ones as lists of documents: both answer the
    same, before and after the index goes through marshal."""
    rng = random.Random(5)
    common = ["c" + str(number) for number in range(6)]
    texts = {}
    for n in range(200):
        rare = [f"r{rng.randrange(40)}" for _ in range(2)]
        texts[f"d{n:03}"] = " ".join([*rng.sample(common, 3), *rare])
    documents = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    corpus = Corpus(Path("."), documents, [])
    built = WordIndex(corpus)
    loaded = WordIndex(corpus, marshal.loads(marshal.dumps(built.to_data())))
    kinds = {type(packed) for packed in built.to_data()[2].values()}
    assert kinds == {int, bytes}
    for _ in range(300):
        asked = rng.sample([*common, *(f"r{n}" for n in range(42))], rng.randint(1, 3))
        holding = [key for key, text in texts.items() if set(asked) <= set(text.split())]
        for index in (built, loaded):
            found = index.holding_all(asked)
            assert found is not None and set(holding) <= set(found) and found == sorted(found)
        word = asked[0]
        expected = [n for n, text in enumerate(texts.values()) if word in text.split()]
        assert built.posting(word) == loaded.posting(word) == expected


def test_the_paragraph_holding_most_of_the_rare_words() -> None:
    paragraphs = ["one two", "two three four", "one two three", "four"]
    assert _first_holding_most(paragraphs, ["three", "four"]) == 1
    assert _first_holding_most(paragraphs, ["one", "three", "five"]) == 2
    assert _first_holding_most(paragraphs, ["tw"]) == 0  # within a word too
    assert _first_holding_most(paragraphs, ["five"]) is None
    assert _first_holding_most(paragraphs, []) is None


def test_word_index_survives_marshal() -> None:
    corpus = small_corpus()
    built = WordIndex(corpus)
    loaded = WordIndex(corpus, marshal.loads(marshal.dumps(built.to_data())))
    for words in (["sent"], ["coalition", "Paris."], ["aircraft", "eight"], ["nothing"]):
        assert loaded.holding_all(words) == built.holding_all(words)
        assert loaded.rarest(words, 3) == built.rarest(words, 3)
    other = Corpus(Path("."), dict(reversed(corpus.documents.items())), [])
    with pytest.raises(ValueError):
        WordIndex(other, built.to_data())


def test_a_quote_in_another_document_and_the_closest_sentence() -> None:
    corpus = small_corpus()
    index = CorpusIndex(corpus, WordIndex(corpus))
    found = index.locate_elsewhere(["sent eight aircraft to Iraq"], "a")
    assert found == Location("b", 0, 10, 37)
    assert index.locate_elsewhere(["sent eight aircraft"], "a") == Location("b", 0, 10, 29)
    suggestion = index.closest("Australia sent nine aircraft.", prefer="a")
    assert suggestion is not None
    assert (suggestion.doc_id, suggestion.paragraph) == ("a", 1)


def test_equally_rare_words_are_taken_in_word_order() -> None:
    texts = {"a": "alpha beta", "b": "alpha gamma", "c": "beta gamma", "d": "common"}
    documents = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    index = WordIndex(Corpus(Path("."), documents, []))
    for words in (["gamma", "beta", "alpha"], ["alpha", "gamma", "beta"], ["beta", "alpha"]):
        assert index.holding_rare(words, 2, 10) == ["a"]  # alpha and beta, not gamma
