"""The plain code behind the pages, without MkDocs: views, offsets, links, conflicts."""

from __future__ import annotations

import posixpath
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.check.pipeline import run_check
from generator.corpus.normalize import _TABLE, normalize
from generator.model import Fact
from generator.quantity import parse_quantity
from generator.result import CheckResult
from generator.site.assemble import build_site
from generator.site.conflicts import AGREE, CONTRADICT, DIFFER, Conflict, fact_conflicts, verdict
from generator.site.dates import flag, show_date
from generator.site.links import Linker, relative_path
from generator.site.offsets import OffsetMap, normalize_with_offsets, raw_span
from generator.site.pages import timeline
from generator.site.views import DateOrigin, Site, SourceInfo

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> CheckResult:
    facts = tmp_path_factory.mktemp("facts")
    (facts / "facts.yml").write_bytes((Path(__file__).parent / "fixtures.yml").read_bytes())
    return run_check(REPO / "corpus", facts)


@pytest.fixture(scope="module")
def site(checked: CheckResult) -> Site:
    return build_site(checked)


def test_offsets_map_back_to_the_raw_text() -> None:
    raw = "  He said \u201cno\u201d \u2014 twice\u00a0over\u2026 "
    text, _ = normalize_with_offsets(raw)
    assert text == 'He said "no" - twice over...'
    start = text.index('"no"')
    assert raw[slice(*raw_span(raw, start, start + 4))] == "\u201cno\u201d"
    assert raw[slice(*raw_span(raw, 0, len(text)))] == raw.strip()


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=40))
def test_offsets_follow_normalize_for_any_text(raw: str) -> None:
    text, spans = normalize_with_offsets(raw)
    assert text == normalize(raw)
    assert len(spans) == len(text)
    assert all(0 <= start <= end <= len(raw) for start, end in spans)


def offsets_char_by_char(raw: str) -> tuple[str, list[tuple[int, int]]]:
    """The definition OffsetMap follows: cluster by cluster, then whitespace runs collapsed."""
    clusters: list[tuple[int, int]] = []
    for index, char in enumerate(raw):
        if clusters and unicodedata.combining(char):
            clusters[-1] = (clusters[-1][0], index + 1)
        else:
            clusters.append((index, index + 1))
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    pending: tuple[int, int] | None = None
    for start, end in clusters:
        for char in unicodedata.normalize("NFKC", raw[start:end]).translate(_TABLE):
            if char.isspace():
                pending = pending or (start, end)
                continue
            if pending and out:
                out.append(" ")
                spans.append(pending)
            pending = None
            out.append(char)
            spans.append((start, end))
    text = normalize(raw)
    if "".join(out) != text:  # NFKC composed across clusters
        spans = spans[: len(text)] + [(len(raw), len(raw))] * (len(text) - len(spans))
    return text, spans


# Whitespace, quotes, dashes, compatibility forms, combining marks, jamo and vowel signs that
# compose across clusters.
TRICKY = st.sampled_from(
    [
        *" \u00a0\t\n\x1c\u3000\u2014\u2013\u201c\u2019\u2032\u2033\ufe58\uff0d\u2026\ufb01",
        *"\u0301\u0327\u0345\u1100\u1161\u11a8\uac00\u0b47\u0b3e",
        "  ",
        "e\u0301",
    ]
)


@given(st.lists(TRICKY | st.sampled_from("ab.'-") | st.characters(codec="utf-8"), max_size=30))
def test_offsets_map_run_by_run_as_char_by_char(pieces: list[str]) -> None:
    raw = "".join(pieces)
    text, spans = offsets_char_by_char(raw)
    offsets = OffsetMap(raw)
    assert offsets.text == text
    assert [offsets[index] for index in range(len(offsets))] == spans


def test_plain_runs_map_one_for_one() -> None:
    raw = "The \u201cplan\u201d \u2013 drawn\u00a0up  in May."
    text, spans = normalize_with_offsets(raw)
    assert text == 'The "plan" - drawn up in May.'
    assert spans[:5] == [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    assert raw[slice(*raw_span(raw, text.index("in"), len(text)))] == "in May."


@given(
    st.lists(st.sampled_from(["a", "b", ".", "", ".."]), min_size=1, max_size=4),
    st.lists(st.sampled_from(["a", "b", ".", "", ".."]), min_size=1, max_size=4),
)
def test_relative_paths_as_posixpath_gives_them(path: list[str], start: list[str]) -> None:
    assert relative_path("/".join(path) or ".", "/".join(start) or ".") == posixpath.relpath(
        "/".join(path) or ".", "/".join(start) or "."
    )


def test_a_quote_is_shown_in_its_whole_sentence(site: Site) -> None:
    fact = next(fact for fact in site.facts if fact.id == "au-aircraft-personnel-pledge")
    quote = fact.quotes[0].quote
    assert quote.before == (
        "France announced it had begun reconnaissance missions over Iraq on Monday, while "
    )
    assert quote.marked == fact.quotes[0].quote.quote
    assert quote.after == ""
    assert quote.verbatim
    assert quote.anchor is not None and quote.anchor.endswith("-s2")


def test_a_normalised_quote_names_what_was_normalised(site: Site) -> None:
    fact = next(fact for fact in site.facts if fact.id == "us-gulf-backing")
    quote = fact.quotes[0].quote
    assert quote.normalisations == ("dashes",)
    assert "\u2014 including the US" in quote.marked
    assert quote.after.endswith("Sky News reported.")


def test_cited_sentences_link_back_to_the_facts(site: Site) -> None:
    source = site.sources["001_45c1c8414a270103"]
    cited = {s.anchor: s for paragraph in source.paragraphs for s in paragraph if s.cited_by}
    fact = next(fact for fact in site.facts if fact.id == "au-aircraft-personnel-pledge")
    sentence = cited[str(fact.quotes[0].quote.anchor)]
    assert fact.home in sentence.cited_by
    assert fact.home.src == "countries/au.md"
    assert "Australia said it would provide eight aircraft" in sentence.text


def test_facts_reach_their_countries_and_event(site: Site) -> None:
    assert [fact.id for fact in site.countries["AU"].facts] == [
        "au-aircraft-personnel-pledge",
        "injection",
    ]
    assert [fact.id for fact in site.events["paris-conference-2014"].facts] == [
        "au-aircraft-personnel-pledge",
        "us-gulf-backing",
    ]
    assert [event.id for event in site.countries["ZZ"].events] == ["paris-conference-2014"]


def fact_with(*values: dict[str, int | str]) -> Fact:
    quote = "Australia said it would provide eight aircraft and 600 personnel."
    return Fact.model_validate(
        {
            "id": "f",
            "countries": ["AU"],
            "topic": "military",
            "claim": "c",
            "sources": [{"doc": "d", "quote": quote, "values": v} for v in values],
        }
    )


def test_conflicts_are_keys_with_different_numbers() -> None:
    fact = fact_with({"aircraft": 8, "personnel": 600}, {"aircraft": "up to 10", "personnel": 600})
    eight, up_to_ten = (source.values["aircraft"] for source in fact.sources)
    assert fact_conflicts(fact) == [Conflict("aircraft", ((0, eight), (1, up_to_ten)), DIFFER)]
    assert str(up_to_ten) == "up to 10"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ("600", "600", AGREE),
        ("600", "27,600", CONTRADICT),
        ("30", "26", CONTRADICT),
        ("8", "up to 10", DIFFER),
        ("12", "up to 10", CONTRADICT),
        ("about 600", "about 600", AGREE),
        ("about 600", "650", DIFFER),
        ("about 600", "700", CONTRADICT),
        ("nearly 40", "36", DIFFER),
        ("nearly 40", "41", CONTRADICT),
        ("nearly 40", "30", CONTRADICT),
        ("fewer than 10", "10", CONTRADICT),
        ("fewer than 10", "9", DIFFER),
        ("at least 3", "3", DIFFER),
        ("at least 3", "2", CONTRADICT),
        ("more than 27,600", "27,600", CONTRADICT),
        ("more than 27,600", "at least 27,601", AGREE),
        ("20,000-31,000", "25,000", DIFFER),
        ("20,000-31,000", "32,000", CONTRADICT),
        ("20,000-31,000", "more than 31,000", CONTRADICT),
    ],
)
def test_reports_agree_differ_or_contradict_by_their_intervals(
    first: str, second: str, expected: str
) -> None:
    assert verdict([parse_quantity(first), parse_quantity(second)]) == expected
    assert verdict([parse_quantity(second), parse_quantity(first)]) == expected


def test_agreeing_or_single_reports_are_no_conflict() -> None:
    assert fact_conflicts(fact_with({"aircraft": 8}, {"aircraft": 8}, {"personnel": 5})) == []
    assert fact_conflicts(fact_with({"aircraft": 8})) == []


def test_the_conflicting_fact_of_the_fixtures_is_found(site: Site) -> None:
    conflicting = [fact.id for fact in site.facts if fact.conflicts]
    assert conflicting == ["au-aircraft-personnel-pledge", "us-gulf-backing"]


@pytest.mark.parametrize(
    ("src", "target", "anchor", "expected"),
    [
        ("countries/au.md", "sources/d.md", "p3-s2", "../../sources/d/#p3-s2"),
        ("countries/index.md", "countries/au.md", None, "au/"),
        ("index.md", "countries/index.md", None, "countries/"),
        ("downloads/index.md", "downloads/facts.json", None, "facts.json"),
        ("countries/au.md", "index.md", None, "../../"),
    ],
)
def test_links_are_relative_to_the_page(
    src: str, target: str, anchor: str | None, expected: str
) -> None:
    assert Linker(src)(target, anchor) == expected


def test_links_without_directory_urls() -> None:
    assert Linker("countries/au.md", False)("sources/d.md", "p1-s1") == "../sources/d.html#p1-s1"
    assert Linker("countries/au.md", False)("index.md") == "../index.html"


def test_dates_and_flags() -> None:
    assert show_date("2014-09-05") == "5 September 2014"
    assert show_date("2014-09") == "September 2014"
    assert show_date("2014") == "2014"
    assert show_date(None) == "unknown"
    assert flag("AU") == "\U0001f1e6\U0001f1fa"


def test_a_date_keeps_the_words_it_comes_from(site: Site) -> None:
    [fact] = [fact for fact in site.facts if fact.id == "us-gulf-backing"]
    vice = SourceInfo(
        "001_45c1c8414a270103",
        "Anti-Islamic State Coalition To Provide Military Assistance to Iraq",
        "sources/001_45c1c8414a270103.md",
        "VICE News",
        "John Beck",
        "2014-09-15",
    )
    assert (fact.date, fact.date_origin) == ("2014-09-15", DateOrigin("Monday's conference", vice))


def test_the_timeline_lists_undated_entries_apart_and_never_dates_them(site: Site) -> None:
    months, undated = timeline(site)
    assert [(month, [entry.ref.label for entry in entries]) for month, entries in months] == [
        ("2014-09", ["Representatives including the US said they would back the Iraqi government."])
    ]
    assert [(entry.kind, entry.date, entry.origin) for entry in undated] == [
        ("event", None, None),
        ("fact", None, None),
        ("fact", None, None),
    ]


def test_month_and_year_dates_open_their_month_and_year_on_the_timeline() -> None:
    """The example of every date form (tests/cases/positive/dates): each shown as precise as
    it is written, none more."""
    facts = REPO / "tests" / "cases" / "positive" / "dates" / "facts"
    months, undated = timeline(build_site(run_check(REPO / "corpus", facts)))
    shown = [
        (show_date(key), [show_date(entry.date) for entry in entries]) for key, entries in months
    ]
    assert shown == [
        ("2003", ["2003"]),
        ("April 2013", ["April 2013"]),
        ("2014", ["2014"]),
        ("June 2014", ["June 2014"]),
        (
            "September 2014",
            ["September 2014", "10 September 2014", "15 September 2014", "18 September 2014"],
        ),
    ]
    assert [entry.kind for entry in undated] == ["event", "fact"]
