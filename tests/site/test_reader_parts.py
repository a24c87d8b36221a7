"""The parts behind the reader's pages, on small inputs: marks, furniture, passages, charts."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from pathlib import Path

from generator.check.pipeline import run_check
from generator.site.assemble import build_site
from generator.site.buildinfo import BuildInfo
from generator.site.charts import interval
from generator.site.feed import atom_feed
from generator.site.furniture import is_furniture
from generator.site.history import History, Revision
from generator.site.passages import page_passages
from generator.site.quotes import QuoteView
from generator.site.views import CitedQuote, Ref, SourceInfo, segments

REPO = Path(__file__).resolve().parents[2]
INFO = SourceInfo("001", "Title", "sources/001.md")


def cited(paragraph: int, sentences: tuple[int, ...]) -> CitedQuote:
    view = QuoteView("001", "q", "", "q", "", (), paragraph, sentences)
    return CitedQuote(view, INFO)


def test_only_the_quoted_span_of_a_sentence_is_marked() -> None:
    text = "One two three. Four five six."
    assert segments(text, 0, 14, [(4, 9)]) == (("One ", False), ("two t", True), ("hree.", False))
    assert segments(text, 15, 29, [(4, 9)]) == (("Four five six.", False),)
    assert segments(text, 0, 14, [(0, 3), (2, 7)]) == (("One two", True), (" three.", False))


def test_short_lines_without_a_full_stop_are_page_furniture() -> None:
    assert is_furniture("Sign up for our weekly newsletter", "A title")
    assert is_furniture("Image via Getty", "A title")
    assert is_furniture("A Title", "A title")
    assert not is_furniture("The group was blamed for war crimes.", "A title")
    assert not is_furniture('"They are not Muslims, they are monsters," Cameron said.', "A title")
    standfirst = "Representatives from 26 countries, the EU, UN and Arab League went to Paris"
    assert not is_furniture(standfirst + " to discuss strategic options", "A title")


def test_a_passage_is_shown_once_and_lists_every_user() -> None:
    event, fact = Ref("Event", "events/e.md"), Ref("Fact", "countries/au.md", "fact-f")
    first, again, wider, other = cited(2, (0,)), cited(2, (0,)), cited(2, (0, 1)), cited(3, (0,))
    uses = page_passages([(event, [first, other]), (fact, [again, wider])])
    assert uses(first).first and uses(other).first
    assert not uses(again).first and uses(again).anchor == uses(first).anchor
    assert not uses(wider).first  # shares sentence 0 with the passage shown first
    assert uses(first).users == (event, fact)
    assert uses(other).users == (event,)


def test_a_value_keeps_its_words_and_its_numbers() -> None:
    assert interval(8) == (8, 8)
    assert interval("up to 10") == (10, 10)
    assert interval("20,000-31,000") == (20000, 31000)
    assert interval("several") is None


def test_the_atom_feed_escapes_what_commits_say() -> None:
    revision = Revision("a" * 40, "2026-01-02T03:04:05+00:00", "Fix <b>&</b> things", ())
    build = BuildInfo("Site & <co>", "2026-01-02", "abc")
    feed = ElementTree.fromstring(atom_feed(History([revision]), build))
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}title") == "Site & <co>: changes to the facts"
    entry = feed.find(f"{atom}entry")
    assert entry is not None and entry.findtext(f"{atom}title") == "Fix <b>&</b> things"


ELIDED = """countries:
  - code: RU
    name: Russia
facts:
  - id: kerry-met-lavrov
    countries: [RU]
    topic: diplomatic
    claim: Kerry met Russian Foreign Minister Sergey Lavrov in Belgrade.
    sources:
      - doc: 002_6ecec4873be12221
        quote: >-
          in Belgrade, Serbia, Kerry met Russian Foreign Minister Sergey Lavrov
          ... to smooth out tensions
"""


def test_an_elided_quote_marks_its_parts_and_not_what_it_leaves_out(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    (facts / "facts.yml").write_text(ELIDED, encoding="utf-8")
    result = run_check(REPO / "corpus", facts)
    assert result.summary.errors == 0
    source = build_site(result).sources["002_6ecec4873be12221"]
    marked = [text for s in source.paragraphs[2] for text, quoted in s.segments if quoted]
    assert marked == [
        "in Belgrade, Serbia, Kerry met Russian Foreign Minister Sergey Lavrov",
        "to smooth out tensions",
    ]
