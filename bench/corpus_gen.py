"""Synthetic corpus documents: real-looking news paragraphs, with sources.yml and sha256."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bench import words

PARAGRAPHS = 12
SENTENCES_PER_PARAGRAPH = 3


@dataclass(frozen=True, slots=True)
class Sentence:
    """A document sentence that facts can quote, with what it states."""

    doc_id: str
    text: str
    country: int
    #: Each value as a fact writes it: the number with the sentence's qualifier (`at least 40`).
    values: dict[str, str]
    numbers: tuple[str, ...]


@dataclass(slots=True)
class Corpus:
    doc_ids: list[str]
    quotable: list[list[Sentence]]


def published(doc_id: str) -> str:
    """The published date of a document, from the number its id starts with."""
    number = int(doc_id.split("_")[0])
    return f"2015-{1 + number % 12:02d}-{1 + number % 28:02d}"


#: Makes a document: (its id, the generator) -> its title, text and quotable sentences.
MakeDocument = Callable[[str, random.Random], tuple[str, str, list[Sentence]]]


def write_corpus(
    folder: Path, documents: int, rng: random.Random, make: MakeDocument | None = None
) -> Corpus:
    """Write `documents` documents (made by `make`, by default `news_document`) and
    corpus/sources.yml into `folder`."""
    make = make or news_document
    folder.mkdir(parents=True, exist_ok=True)
    corpus = Corpus([], [])
    listing = ["documents:\n"]
    for number in range(documents):
        doc_id = f"{number:05d}_{rng.getrandbits(64):016x}"
        title, text, quotable = make(doc_id, rng)
        raw = text.encode("utf-8")
        quoted_title = title.replace("'", "''")
        (folder / f"{doc_id}.txt").write_bytes(raw)
        listing.append(
            f"  - id: {doc_id}\n    title: '{quoted_title}'\n    outlet: Synthetic Wire\n"
            f"    published: {published(doc_id)}\n"
            f"    sha256: {hashlib.sha256(raw).hexdigest()}\n"
        )
        corpus.doc_ids.append(doc_id)
        corpus.quotable.append(quotable)
    (folder / "sources.yml").write_text("".join(listing), encoding="utf-8")
    return corpus


def news_document(doc_id: str, rng: random.Random) -> tuple[str, str, list[Sentence]]:
    home = rng.randrange(len(words.COUNTRIES))
    city = rng.choice(words.CITIES)
    title = f"Coalition talks: {words.COUNTRIES[home][1]} weighs its role near {city}"
    paragraphs, quotable = [title], []
    for _ in range(PARAGRAPHS):
        sentences = []
        for _ in range(SENTENCES_PER_PARAGRAPH):
            country = home if rng.random() < 0.5 else rng.randrange(len(words.COUNTRIES))
            sentence = sentence_of(doc_id, country, rng)
            sentences.append(sentence.text)
            if sentence.values:
                quotable.append(sentence)
        paragraphs.append(" ".join(sentences))
    return title, "\n\n".join(paragraphs) + "\n", quotable


def sentence_of(
    doc_id: str, country: int, rng: random.Random, numeric: bool | None = None
) -> Sentence:
    """A sentence of the news templates, stating a number if `numeric` (70% of them if not
    told)."""
    _, name, demonym, capital = words.COUNTRIES[country]
    numeric = rng.random() < 0.7 if numeric is None else numeric
    template = rng.choice(words.NUMBER_TEMPLATES if numeric else words.PLAIN_TEMPLATES)
    (key, unit), (key2, unit2) = rng.sample(words.UNITS, 2)
    n, n_text = _number(rng)
    m, m_text = _number(rng)
    text = template.format(
        country=name,
        dem=demonym,
        capital=capital,
        city=rng.choice(words.CITIES),
        person=f"{rng.choice(words.FIRST_NAMES)} {_surname(rng)}",
        day=rng.choice(words.WEEKDAYS),
        month=rng.choice(words.MONTHS),
        date=rng.randint(1, 28),
        n=n_text,
        unit=unit,
        m=m_text,
        unit2=unit2,
    )
    if not numeric:
        return Sentence(doc_id, text, country, {}, ())
    qualifier = "at least " if "at least {n}" in template else ""
    values = {key: f"{qualifier}{n}"}
    if "{m}" in template:
        values[key2] = str(m)
    return Sentence(doc_id, text, country, values, (n_text, m_text))


def _number(rng: random.Random) -> tuple[int, str]:
    if rng.random() < 0.2:
        word = rng.choice(words.NUMBER_WORDS)
        return words.WORD_NUMBERS[word], word
    value = rng.choice([rng.randint(3, 99), rng.randint(100, 999), rng.randint(1000, 40000)])
    return value, f"{value:,}"


def _surname(rng: random.Random) -> str:
    """A known surname, or (as often in real news) a rarer one: ~14,000 are possible."""
    if rng.random() < 0.3:
        return rng.choice(words.LAST_NAMES)
    syllables = rng.choices(words.SYLLABLES, k=rng.choice((2, 3)))
    return "".join(syllables).capitalize()
