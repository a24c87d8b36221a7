"""country-not-mentioned: none of a fact's countries is named in any of its quotes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.check.rules.context import Context
from generator.corpus.normalize import normalize
from generator.diagnostics import Diagnostic
from generator.model import Country

ID = "mentions"


def mention_pattern(country: Country) -> re.Pattern[str]:
    """Whole-word, case-sensitive match of a country's name or any alias (`U.S.` included)."""
    names = sorted({normalize(name) for name in [country.name, *country.aliases]}, key=len)
    alternatives = "|".join(re.escape(name) for name in reversed(names))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def check(context: Context) -> Iterator[Diagnostic]:
    patterns = context.tables.mention_patterns  # made once for all files
    quotes_by_fact: dict[int, list[str]] = {}
    for quote in context.quotes:
        quotes_by_fact.setdefault(id(quote.owner), []).append(" ".join(quote.parts))
    for fact in context.base.facts:
        countries = [context.tables.country(code) for code in fact.model.countries]
        known = [country for country in countries if country is not None]
        if not known:
            continue
        text = "\n".join(quotes_by_fact.get(id(fact), []))
        for country in known:
            if country.code not in patterns:
                patterns[country.code] = mention_pattern(country)
        if not any(patterns[country.code].search(text) for country in known):
            names = ", ".join(country.name for country in known)
            message = (
                f"none of the fact's countries ({names}) is named in its quotes; "
                "add the alias the source uses to countries.yml, or check the countries"
            )
            yield fact.diagnostic(("countries",), "country-not-mentioned", message, key=True)
