"""country-not-mentioned: none of a fact's countries is named in any of its quotes."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.corpus.normalize import normalize
from generator.diagnostics import Diagnostic
from generator.model import Country

ID = "mentions"


def mention_pattern(country: Country) -> re.Pattern[str]:
    """Whole-word, case-sensitive match of a country's name or any alias (`U.S.` included)."""
    return _pattern(country.name, tuple(country.aliases))


@functools.lru_cache(maxsize=4096)  # the same countries, file after file
def _pattern(name: str, aliases: tuple[str, ...]) -> re.Pattern[str]:
    names = sorted({normalize(each) for each in [name, *aliases]}, key=len)
    alternatives = "|".join(re.escape(name) for name in reversed(names))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def check(context: Context) -> Iterator[Diagnostic]:
    quotes_by_fact: dict[int, list[str]] = {}
    for quote in context.quotes:
        quotes_by_fact.setdefault(id(quote.owner), []).append(" ".join(quote.parts))
    for fact in context.base.facts:
        countries = [context.tables.country(code) for code in fact.model.countries]
        known = [country for country in countries if country is not None]
        if not known:
            continue
        text = "\n".join(quotes_by_fact.get(id(fact), []))
        if not any(mention_pattern(country).search(text) for country in known):
            names = ", ".join(country.name for country in known)
            message = (
                f"none of the fact's countries ({names}) is named in its quotes; "
                "add the alias the source uses to countries.yml, or check the countries"
            )
            yield fact.diagnostic(("countries",), "country-not-mentioned", message, key=True)
