"""The corpus-wide search narrowed by pairs of common words finds what reading every document
finds; the closest-sentence search stays within its budget."""

from __future__ import annotations

import marshal
import random
from pathlib import Path

from generator.corpus.documents import Corpus, Document
from generator.corpus.normalize import normalize, quote_parts
from generator.match.bounded import candidate_sentences
from generator.match.ngrams import PairIndex
from generator.match.search import CorpusIndex, Location, locate
from generator.match.wordindex import WordIndex

#: A small vocabulary, with what word boundaries must get right: numbers with a comma or a
#: point, a word with an underscore, punctuation stuck to words.
WORDS = ["the", "ministry", "said", "troops", "2,600", "1.5", "sent", "to", "Mosul", "x_y"]
WORDS += [
    "coalition",
    "would",
    "(said",
    "said,",
    "troops.",
    "3,5",
    ".5",
    "a,b",
    "2.",
    "\u0661,5",
    "7,\u1369",
]


def repetitive_corpus(rng: random.Random, documents: int = 120) -> Corpus:
    """Documents of sentences from a few templates of WORDS, which repeat across documents."""
    templates = [" ".join(rng.choices(WORDS, k=rng.randint(4, 9))) for _ in range(12)]
    texts = {}
    for number in range(documents):
        paragraphs = [
            " ".join(rng.choice(templates) for _ in range(rng.randint(1, 3)))
            for _ in range(rng.randint(1, 4))
        ]
        texts[f"d{number:03}"] = "\n".join(paragraphs)
    made = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    return Corpus(Path("."), made, [])


def a_quote(rng: random.Random, corpus: Corpus) -> tuple[str, str]:
    """A cited document and a quote: a stretch of some document (cut anywhere, mid-word too),
    sometimes with a word dropped or doubled, or elided."""
    document = corpus.documents[rng.choice(list(corpus.documents))]
    text = rng.choice(document.normalized)
    start = rng.randrange(len(text))
    quote = text[start : start + rng.randint(10, 80)]
    words = quote.split()
    if len(words) > 4 and rng.random() < 0.3:
        del words[rng.randrange(1, len(words) - 1)]
    elif len(words) > 6 and rng.random() < 0.2:
        words.insert(len(words) // 2, "...")
    elif words and rng.random() < 0.2:
        words.insert(rng.randrange(len(words)), rng.choice(WORDS))
    return rng.choice(list(corpus.documents)), " ".join(words)


def read_everything(corpus: Corpus, parts: list[str], cited: str) -> Location | None:
    """The first document in corpus order but `cited` holding the quote, read one by one."""
    for doc_id, document in corpus.documents.items():
        found = locate(parts, document) if doc_id != cited else None
        if found:
            return found
    return None


def test_the_narrowed_search_finds_what_reading_every_document_finds() -> None:
    rng = random.Random(11)
    narrowed = found = 0
    for _ in range(4):
        corpus = repetitive_corpus(rng)
        words = WordIndex(corpus)
        loaded = WordIndex(corpus, marshal.loads(marshal.dumps(words.to_data())))
        for built in (words, loaded):
            index = CorpusIndex(corpus, built)
            for _ in range(150):
                cited, quote = a_quote(rng, corpus)
                parts = quote_parts(normalize(quote))
                if not parts:
                    continue
                expected = read_everything(corpus, parts, cited)
                assert index.locate_elsewhere(parts, cited) == expected, (quote, cited)
                found += expected is not None
                by_words = built.numbers_holding_all(
                    word for part in parts for word in part.split()[1:-1]
                )
                holding = built.numbers_holding_parts(parts)
                narrowed += by_words is not None and holding is not None
                narrowed -= by_words is not None and holding == by_words
    assert found > 100  # the quotes are found as often as not:
    assert narrowed > 100  # and the pairs narrowed the search for many of them


def test_a_pair_no_document_holds_leaves_no_candidate() -> None:
    texts = {f"d{n:03}": "the ministry said the troops sent " * 3 for n in range(60)}
    texts["d060"] = "the troops said the ministry sent " * 3
    made = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    words = WordIndex(Corpus(Path("."), made, []))
    assert words.numbers_holding_parts(["ministry said the troops"]) == list(range(60))
    assert words.numbers_holding_parts(["troops said the ministry"]) == [60]
    assert words.numbers_holding_parts(["ministry the said troops"]) == []
    assert words.numbers_holding_parts(["sent the ministry said"]) == list(range(60))
    assert words.numbers_holding_parts(["(sent the ministry said."]) == list(range(60))
    assert words.numbers_holding_parts(["sent the ministry said sent"]) == []
    assert isinstance(words.pairs, PairIndex)


def test_pairs_are_made_only_where_words_alone_leave_most_documents() -> None:
    rng = random.Random(2)
    vocabulary = [f"w{number}" for number in range(3000)]
    texts = {f"d{n:03}": " ".join(rng.choices(vocabulary, k=60)) for n in range(100)}
    varied = {key: Document.from_text(key, Path(key), text) for key, text in texts.items()}
    assert WordIndex(Corpus(Path("."), varied, [])).to_data()[3] == (False, {})
    repetitive = WordIndex(repetitive_corpus(rng)).to_data()[3]
    assert repetitive[0] and repetitive[1]


def sentences_of(texts: dict[str, list[str]]) -> dict[str, list[tuple[int, str]]]:
    return {key: list(enumerate(sentences)) for key, sentences in texts.items()}


def test_the_closest_sentence_search_scores_each_sentence_once_within_its_budget() -> None:
    split = sentences_of(
        {"a": ["one two.", "three four."], "b": ["one two.", "five six."], "c": ["seven."]}
    ).__getitem__
    everything = candidate_sentences(["a", "b", "c"], split)
    assert everything == [
        ("a", 0, "one two."),
        ("a", 1, "three four."),
        ("b", 1, "five six."),
        ("c", 0, "seven."),
    ]
    cut = candidate_sentences(["a", "b", "c"], split, first="c", budget=20)
    assert cut == [("c", 0, "seven."), ("a", 0, "one two.")]  # the cited document first
    assert sum(len(sentence) for _, _, sentence in cut) <= 20
