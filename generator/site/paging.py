"""Long lists of facts split into numbered pages: a country or event page of more than
`facts_per_page` facts continues on `<page>/page-2`, `<page>/page-3`, ...

A page of tens of thousands of facts is unusable for a reader (tens of megabytes of HTML), and
building it is quadratic: Material's search indexer scans back over every earlier fact card
of a page at the end of each one. Pages of a bounded number of facts keep the build linear.
Each fact's home (where links to it point) is the page of its first country that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from generator.model import TOPICS
from generator.site.links import page_src
from generator.site.views import FactView, Ref, Site

Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class Paging:
    """Where one page stands in its list: its number (from 1) and every page's path."""

    number: int
    srcs: tuple[str, ...]

    @property
    def src(self) -> str:
        return self.srcs[self.number - 1]

    @property
    def last(self) -> bool:
        return self.number == len(self.srcs)

    def title(self, name: str) -> str:
        """The page's title: the list's name, and which page it is when there are several."""
        count = len(self.srcs)
        return name if count == 1 else f"{name}, page {self.number} of {count}"


def paged(items: list[Item], first: str, size: int) -> list[tuple[list[Item], Paging]]:
    """`items` in pages of at most `size` (one empty page for no item), each with where it
    stands in the list whose first page is `first`: the one split that the pages and the
    facts' homes (`paginate`) both follow."""
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [[]]
    srcs = tuple(page_src(first, number) for number in range(1, len(chunks) + 1))
    return [(chunk, Paging(number, srcs)) for number, chunk in enumerate(chunks, start=1)]


def topic_groups(facts: list[FactView]) -> list[tuple[str, list[FactView]]]:
    """The facts by topic, in the order of TOPICS (as listed within a topic)."""
    groups: dict[str, list[FactView]] = {}
    for fact in facts:
        groups.setdefault(fact.topic, []).append(fact)
    return [(topic, groups[topic]) for topic in TOPICS if topic in groups]


def by_topic(facts: list[FactView]) -> list[FactView]:
    """Facts in the order a country page shows them: by topic, then as listed."""
    return [fact for _, group in topic_groups(facts) for fact in group]


def paginate(site: Site) -> None:
    """Move each fact's home to the page of its first country that shows it."""
    for country in site.countries.values():
        for facts, paging in paged(by_topic(country.facts), country.src, site.facts_per_page)[1:]:
            for fact in facts:
                if fact.home.src == country.src:
                    fact.home = Ref(fact.home.label, paging.src, fact.home.anchor)
