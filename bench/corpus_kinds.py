"""The benchmark's two other corpora: a repetitive one and one of natural English prose.

Both hold, in every paragraph, sentences that state a number (the facts quote these), among
other text:

- **repetitive**: news-like sentences from a few dozen content words (four countries, four
  units, three cities, two days, numbers from a short list) and boilerplate (standard
  sentences, an outlet's standard closing paragraph), so whole sentences repeat across
  documents word for word, as wire copy and press releases do;
- **prose**: sentences of English prose found on the machine (`bench.prose`), with one
  sentence of the news corpus's templates in each paragraph.
"""

from __future__ import annotations

import random

from bench import corpus_gen, words
from bench.corpus_gen import Sentence
from bench.prose import prose_sentences

KINDS = ("news", "repetitive", "prose")
#: Countries (their numbers in `words.COUNTRIES`), units and cities of the repetitive corpus.
FEW_COUNTRIES = (0, 2, 5, 6)
FEW_UNITS = (("aircraft", "aircraft"), ("troops", "troops"), ("advisers", "advisers"))
FEW_UNITS += (("vehicles", "vehicles"),)
FEW_CITIES = ("Mosul", "Erbil", "Raqqa")
FEW_DAYS = ("Monday", "Friday")
FEW_NUMBERS = tuple(range(10, 160, 10))
REPEATED_TEMPLATES = (
    "{country} said it would send {n} {unit} to {city}, the ministry said.",
    "The ministry said {n} {unit} from {country} were already in {city}.",
    "{country} will send {n} {unit} and {m} {unit2} to {city}, the ministry said on {day}.",
    "Officials in {country} said the {n} {unit} would stay in {city} as long as necessary.",
    "The coalition said {country} had sent {n} {unit} to {city} on {day}.",
)
BOILERPLATE = (
    "The {who} said the {what} would continue in {city}.",
    "The {who} said the {what} in {city} was going well.",
    "Officials said the {who} would support the {what} as long as necessary.",
    "The {who} did not say when the {what} would end.",
)
WHO = ("ministry", "coalition", "government")
WHAT = ("mission", "talks", "plan")
CLOSING = (
    "About the coalition: the coalition said the mission would continue, and the ministry said "
    "the government would support the coalition as long as necessary."
)
#: Characters of prose to gather: sentences then repeat across documents, as they do.
PROSE_POOL = 600_000


def maker(kind: str) -> corpus_gen.MakeDocument:
    """What makes a document of the corpus `kind` (one of KINDS)."""
    makers = {"news": corpus_gen.news_document, "repetitive": _repetitive, "prose": _prose}
    return makers[kind]


def _repetitive(doc_id: str, rng: random.Random) -> tuple[str, str, list[Sentence]]:
    home = rng.choice(FEW_COUNTRIES)
    title = f"{words.COUNTRIES[home][1]} will send more to {rng.choice(FEW_CITIES)}"
    paragraphs, quotable = [title], []
    for _ in range(corpus_gen.PARAGRAPHS):
        sentences = []
        for _ in range(corpus_gen.SENTENCES_PER_PARAGRAPH):
            if rng.random() < 0.5:
                sentences.append(_boilerplate(rng))
                continue
            country = home if rng.random() < 0.5 else rng.choice(FEW_COUNTRIES)
            sentence = _repeated(doc_id, country, rng)
            sentences.append(sentence.text)
            quotable.append(sentence)
        paragraphs.append(" ".join(sentences))
    if not quotable:
        quotable.append(_repeated(doc_id, home, rng))
        paragraphs.append(quotable[-1].text)
    paragraphs.append(CLOSING)
    return title, "\n\n".join(paragraphs) + "\n", quotable


def _boilerplate(rng: random.Random) -> str:
    template = rng.choice(BOILERPLATE)
    return template.format(who=rng.choice(WHO), what=rng.choice(WHAT), city=rng.choice(FEW_CITIES))


def _repeated(doc_id: str, country: int, rng: random.Random) -> Sentence:
    (key, unit), (key2, unit2) = rng.sample(FEW_UNITS, 2)
    n, m = rng.choice(FEW_NUMBERS), rng.choice(FEW_NUMBERS)
    template = rng.choice(REPEATED_TEMPLATES)
    text = template.format(
        country=words.COUNTRIES[country][1],
        n=n,
        unit=unit,
        m=m,
        unit2=unit2,
        city=rng.choice(FEW_CITIES),
        day=rng.choice(FEW_DAYS),
    )
    values = {key: n, key2: m} if "{m}" in template else {key: n}
    return Sentence(doc_id, text, country, values, (str(n), str(m)))


def _prose(doc_id: str, rng: random.Random) -> tuple[str, str, list[Sentence]]:
    pool = prose_sentences(PROSE_POOL)
    title = " ".join(rng.choice(pool).split()[:6])
    paragraphs, quotable = [title], []
    for _ in range(corpus_gen.PARAGRAPHS):
        sentences = rng.sample(pool, rng.randint(2, 4))
        country = rng.randrange(len(words.COUNTRIES))
        sentence = corpus_gen.sentence_of(doc_id, country, rng, numeric=True)
        sentences.insert(rng.randrange(len(sentences) + 1), sentence.text)
        quotable.append(sentence)
        paragraphs.append(" ".join(sentences))
    return title, "\n\n".join(paragraphs) + "\n", quotable
