"""Synthetic fact files: countries, events and facts quoting the corpus, ~10% broken."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

from bench import words
from bench.corpus_gen import Corpus, Sentence, published
from generator.corpus.dates import readings

FACTS_PER_FILE = 100
EVENTS_PER_FILE = 100
FACTS_PER_EVENT = 100
BROKEN_SHARE = 0.10
TOPICS = ("military", "diplomatic", "humanitarian", "political", "security", "other")

Breaker = Callable[[Sentence, str, random.Random, Corpus], tuple[str, str]]


def write_facts(
    folder: Path,
    facts: int,
    corpus: Corpus,
    rng: random.Random,
    events: int | None = None,
    broken_share: float = BROKEN_SHARE,
) -> int:
    """Write countries, events and `facts` facts into `folder`; returns the broken count."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "countries.yml").write_text(_countries(), encoding="utf-8")
    events = events or max(1, facts // FACTS_PER_EVENT)
    _write_events(folder / "events", events, corpus, rng)
    broken = 0
    (folder / "facts").mkdir(exist_ok=True)
    for first in range(0, facts, FACTS_PER_FILE):
        chunk = []
        for number in range(first, min(first + FACTS_PER_FILE, facts)):
            text, is_broken = _fact(number, events, corpus, rng, broken_share)
            chunk.append(text)
            broken += is_broken
        path = folder / "facts" / f"facts-{first // FACTS_PER_FILE:05d}.yml"
        path.write_text("facts:\n" + "".join(chunk), encoding="utf-8")
    return broken


def _countries() -> str:
    lines = ["countries:\n"]
    for code, name, demonym, capital in words.COUNTRIES:
        lines.append(f'  - code: "{code}"\n    name: {name}\n    aliases: [{demonym}, {capital}]\n')
    return "".join(lines)


def _write_events(folder: Path, events: int, corpus: Corpus, rng: random.Random) -> None:
    folder.mkdir(exist_ok=True)
    for first in range(0, events, EVENTS_PER_FILE):
        chunk = ["events:\n"]
        for number in range(first, min(first + EVENTS_PER_FILE, events)):
            sentence = _pick(corpus, number, rng)
            code = words.COUNTRIES[sentence.country][0]
            chunk.append(
                f"  - id: event-{number:05d}\n    name: Coalition meeting number {number}\n"
                f"{_date_line(sentence)}"
                f'    place: {words.COUNTRIES[sentence.country][3]}\n    countries: ["{code}"]\n'
                f"    sources:\n      - doc: {sentence.doc_id}\n"
                f"        quote: {_quoted(sentence.text)}\n"
            )
        (folder / f"events-{first // EVENTS_PER_FILE:03d}.yml").write_text("".join(chunk))


def _pick(corpus: Corpus, number: int, rng: random.Random) -> Sentence:
    doc = number % len(corpus.doc_ids)
    return rng.choice(corpus.quotable[doc])


def _fact(
    number: int, events: int, corpus: Corpus, rng: random.Random, broken_share: float
) -> tuple[str, bool]:
    sentence = _pick(corpus, number * 7919, rng)
    doc_id, quote = sentence.doc_id, sentence.text
    broken = rng.random() < broken_share
    if broken:
        doc_id, quote = rng.choice(BREAKERS)(sentence, quote, rng, corpus)
    elif rng.random() < 0.05:
        quote = quote.translate(STRAIGHTEN)
    code, name = words.COUNTRIES[sentence.country][:2]
    key, value = next(iter(sentence.values.items()))
    values = ", ".join(f"{name}: {count}" for name, count in sentence.values.items())
    event = f"    event: event-{number % events:05d}\n" if number % 2 else ""
    text = (
        f"  - id: fact-{number:06d}\n"
        f'    countries: ["{code}"]\n{event}'
        f"{_date_line(sentence)}"
        f"    topic: {TOPICS[number % len(TOPICS)]}\n"
        f"    claim: {name} reported {value} {key} (synthetic fact {letters(number)}).\n"
        f"    sources:\n      - doc: {doc_id}\n        quote: {_quoted(quote)}\n"
        f"        values: {{{values}}}\n"
    )
    return text, broken


#: Consonants only: no English number word ("two", "ten", "six") can be spelt with them.
CONSONANTS = "bcdfghjklmnpqrstvwxz"


def letters(number: int) -> str:
    """`number` in consonants (0 -> "b", 21 -> "cc"): a claim adds no number its quote lacks."""
    word = ""
    while True:
        number, digit = divmod(number, len(CONSONANTS))
        word = CONSONANTS[digit] + word
        if not number:
            return word


def _date_line(sentence: Sentence) -> str:
    """The `date:` line of the first date the sentence gives (read as the checker reads it,
    with its document's published date), or none: dates come from the texts."""
    found = readings(sentence.text, published(sentence.doc_id))
    if not found:
        return ""
    first, precision = found[0].first.isoformat(), found[0].precision
    return f"    date: {first[: {'day': 10, 'month': 7, 'year': 4}[precision]]}\n"


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


STRAIGHTEN = str.maketrans("\u2018\u2019\u201c\u201d", "''\"\"")


def _typo(sentence: Sentence, quote: str, rng: random.Random, corpus: Corpus) -> tuple[str, str]:
    tokens = quote.split(" ")
    long = [index for index, token in enumerate(tokens) if token.isalpha() and len(token) > 4]
    index = rng.choice(long) if long else 0
    token = tokens[index]
    cut = rng.randrange(1, len(token) - 1) if len(token) > 2 else 0
    tokens[index] = token[:cut] + token[cut + 1 : cut + 2] + token[cut] + token[cut + 2 :]
    return sentence.doc_id, " ".join(tokens)


def _wrong_number(
    sentence: Sentence, quote: str, rng: random.Random, corpus: Corpus
) -> tuple[str, str]:
    stated = sentence.numbers[0]
    wrong = str(rng.randint(3, 999))
    return sentence.doc_id, re.sub(
        rf"(?<![\w,]){re.escape(stated)}(?![\w,])", wrong, quote, count=1
    )


def _wrong_document(
    sentence: Sentence, quote: str, rng: random.Random, corpus: Corpus
) -> tuple[str, str]:
    other = rng.choice(corpus.doc_ids)
    return (other if other != sentence.doc_id else corpus.doc_ids[0]), quote


def _dropped_word(
    sentence: Sentence, quote: str, rng: random.Random, corpus: Corpus
) -> tuple[str, str]:
    tokens = quote.split(" ")
    del tokens[rng.randrange(1, len(tokens) - 1)]
    return sentence.doc_id, " ".join(tokens)


BREAKERS: list[Breaker] = [_typo, _wrong_number, _wrong_document, _dropped_word]
