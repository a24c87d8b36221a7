"""What a reader of the built site relies on, read from the real `mkdocs build` output."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from generator.site.history import facts_history
from tests.site.conftest import HERE

HREF = re.compile(r'href="([^"#]*)(?:#[^"]*)?"')
ATOM = "{http://www.w3.org/2005/Atom}"
YEARS = "2014\u20132015"


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_the_tab_and_the_home_page_say_what_the_site_is_about(repo_site: Path) -> None:
    home = read(repo_site, "index.html")
    assert f"<title>The coalition against the Islamic State, {YEARS}</title>" in home
    assert f"The international coalition against the Islamic State, {YEARS}</h1>" in home
    assert "What five news articles reported" in home
    country = read(repo_site, "countries/au.html")
    assert f"<title>Australia - The coalition against the Islamic State, {YEARS}</title>" in country


def test_pages_link_to_files_so_the_site_reads_from_disk(repo_site: Path) -> None:
    """Opened as file://, a link to a folder shows a listing: every page link names a file."""
    folders = []
    for page in sorted(repo_site.rglob("*.html")):
        for target in HREF.findall(read(repo_site, str(page.relative_to(repo_site)))):
            local = target and not re.match(r"[a-z]+:", target) and not target.startswith("/")
            if local and (page.parent / html.unescape(target)).is_dir():
                folders.append(f"{page.relative_to(repo_site)}: {target}")
    assert folders == []


def test_no_page_prints_what_is_unknown(repo_site: Path) -> None:
    for page in sorted(repo_site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for noise in ("date unknown", "Outlet unknown", ">unknown<", "verbatim</span>"):
            assert noise not in text, f"{page.relative_to(repo_site)}: {noise}"
    source = read(repo_site, "sources/000_8b3da4b858bd0d12.html")
    assert (
        "The text does not state its outlet, author, date of publication or original address;"
        in source
    )


def test_a_claim_in_the_sources_own_words_is_not_shown_twice(repo_site: Path) -> None:
    text = re.sub(r"<[^>]*>", "", read(repo_site, "countries/iq.html"))  # no attributes
    words = "The militants seized tanks, missile launchers and ammunition"
    assert text.count(words) == 1  # the claim; its quote is the same sentence
    assert "The claim gives this source's words as they are." in text


def test_a_source_page_marks_exactly_the_quoted_words(repo_site: Path) -> None:
    source = read(repo_site, "sources/001_45c1c8414a270103.html")
    quoted = "Along with Syria, it was not invited to the talks"
    assert f"<mark>{quoted}</mark>, but " in source  # ", but " is not quoted: not marked


def test_citers_are_links_named_by_their_facts(small_site: Path) -> None:
    source = read(small_site, "sources/001_45c1c8414a270103.html")
    citers = re.findall(r'<ul class="fs-citers"[^>]*>(.*?)</ul>', source, re.S)
    assert any(
        'fact-au-aircraft-personnel-pledge">Australia pledged combat aircraft and 600 personnel.'
        in block
        for block in citers
    )
    assert "<sup" not in source


def test_scraped_page_furniture_is_set_apart(repo_site: Path) -> None:
    source = read(repo_site, "sources/003_f8e25e88ba0ab80b.html")
    furniture = re.findall(r'<p id="p\d+" class="fs-furniture">(.*?)</p>', source, re.S)
    text = " | ".join(re.sub(r"<[^>]+>", "", part) for part in furniture)
    assert "Sign up for our weekly newsletter" in text
    assert "Alain Jocard / AFP / Getty Images" in text
    assert "Kerry" not in text  # the article's sentences stay article text
    assert (HERE.parents[1] / "corpus" / "003_f8e25e88ba0ab80b.txt").read_bytes().count(
        b"Sign up for our weekly newsletter"
    ) == 2  # the corpus is untouched


def test_downloads_carry_what_reusers_need(small_site: Path) -> None:
    page = read(small_site, "downloads/index.html")
    assert "CC BY 4.0" in page and "belong to their publishers" in page
    assert "Data version" in page and "Built" in page and "1 January 2015" in page
    assert "<code>fact_url</code>" in page
    rows = list(csv.DictReader(io.StringIO(read(small_site, "downloads/facts.csv"))))
    pledge = [row for row in rows if row["fact_id"] == "au-aircraft-personnel-pledge"]
    assert pledge[0]["fact_url"] == "countries/au.html#fact-au-aircraft-personnel-pledge"
    assert pledge[0]["source_title"].startswith("Anti-Islamic State Coalition")
    events = list(csv.DictReader(io.StringIO(read(small_site, "downloads/events.csv"))))
    assert events[0]["event_id"] == "paris-conference-2014"
    assert events[0]["quote"].startswith("The members of an international anti-Islamic State")
    assert events[0]["event_url"] == "events/paris-conference-2014.html"


def test_a_search_lands_on_the_fact_and_skips_index_tables(small_site: Path) -> None:
    docs = json.loads(read(small_site, "search/search_index.json"))["docs"]
    hits = [doc for doc in docs if "eight aircraft" in doc["text"]]
    assert any(
        doc["location"] == "countries/au.html#fact-au-aircraft-personnel-pledge" for doc in hits
    )
    index = next(doc for doc in docs if doc["location"] == "countries/index.html")
    assert "Australia" not in index["text"]  # the table's cells, run together, are not indexed


def test_the_charts_are_inline_svg_with_no_request(repo_site: Path) -> None:
    figures = read(repo_site, "figures.html")
    timeline = read(repo_site, "timeline.html")
    for page in (figures, timeline):
        svgs = re.findall(r"<svg.*?</svg>", page, re.S)
        assert svgs
        for svg in svgs:
            assert re.findall(r'(?:href|src)="(?:https?:)?//', svg) == []
    assert "sources differ" in figures  # 8 and 10 aircraft for Australia's pledge
    assert 'href="events/paris-conference-2014.html"' in timeline


def test_the_changes_page_and_feed_follow_the_git_history(repo_site: Path) -> None:
    page = read(repo_site, "changes.html")
    assert "Curated fact base" in page and "facts added" in page
    feed = ElementTree.fromstring(read(repo_site, "changes.xml"))
    entries = feed.findall(f"{ATOM}entry")
    assert entries and all(entry.find(f"{ATOM}updated") is not None for entry in entries)


def test_without_git_the_changes_page_says_so(small_site: Path) -> None:
    assert "outside a git repository" in read(small_site, "changes.html")
    feed = ElementTree.fromstring(read(small_site, "changes.xml"))
    assert feed.findall(f"{ATOM}entry") == []


def git(folder: Path, *args: str) -> None:
    command = ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args]
    subprocess.run(command, cwd=folder, check=True, capture_output=True)


def test_each_commit_of_the_facts_lists_what_it_added_changed_and_removed(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    text = (HERE / "fixtures.yml").read_text(encoding="utf-8")
    git(tmp_path, "init", "-q")
    (facts / "facts.yml").write_text(text, encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "First facts")
    changed = text.replace("Australia pledged combat aircraft", "Australia pledged aircraft")
    (facts / "facts.yml").write_text(changed, encoding="utf-8")
    (tmp_path / "README").write_text("not a fact\n", encoding="utf-8")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-qm", "Reword the pledge")
    history = facts_history(facts)
    assert [revision.subject for revision in history.revisions] == [
        "Reword the pledge",
        "First facts",
    ]
    latest, first = history.revisions
    assert [(c.id, c.status) for c in latest.changes] == [
        ("au-aircraft-personnel-pledge", "changed")
    ]
    assert latest.changes[0].changes[0].field == "'claim'"  # as `diff` names it
    assert first.count("fact", "added") == 3 and first.count("event", "added") == 1
