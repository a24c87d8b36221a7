"""Saved news pages -> the article's text and nothing else, and the metadata each states."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.intake.extract import MIN_WORDS, NotReadable, extract

PAGES = Path(__file__).parent / "pages"
EXPECTED = yaml.safe_load((PAGES / "expected.yml").read_text(encoding="utf-8"))
METADATA = ("title", "outlet", "author", "published", "url")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_article_text_and_nothing_else_is_extracted(name: str) -> None:
    page = PAGES / f"{name}.html"
    extracted = extract(page, page.read_bytes())
    assert extracted.text == (PAGES / f"{name}.txt").read_text(encoding="utf-8")
    for words in EXPECTED[name]["boilerplate"]:
        assert words not in extracted.text


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_metadata_the_page_states_is_found_and_no_other(name: str) -> None:
    page = PAGES / f"{name}.html"
    extracted = extract(page, page.read_bytes())
    expected = {field: EXPECTED[name][field] for field in METADATA}
    assert {field: getattr(extracted, field) for field in METADATA} == expected
    assert extracted.missing == tuple(field for field in METADATA if expected[field] is None)


def test_a_copyright_year_is_not_taken_for_a_publication_date() -> None:
    page = PAGES / "paywall.html"  # "© 2024 The Coastal Ledger" in the footer, no date
    extracted = extract(page, page.read_bytes())
    assert extracted.published is None and "published" in extracted.missing
    assert extracted.words < MIN_WORDS


def test_a_text_file_is_its_lines_with_its_first_line_as_title(tmp_path: Path) -> None:
    text = "Joint statement\n\nThe ministers  met in Paris.\r\nThey agreed.\n"
    extracted = extract(tmp_path / "s.txt", text.encode())
    assert extracted.paragraphs == (
        "Joint statement",
        "The ministers met in Paris.",
        "They agreed.",
    )
    assert extracted.title == "Joint statement"
    assert extracted.missing == ("outlet", "author", "published", "url")


def test_html_is_recognised_by_its_content_whatever_the_file_is_called(tmp_path: Path) -> None:
    page = (PAGES / "rail-strike.html").read_bytes()
    extracted = extract(tmp_path / "saved", page)
    assert extracted.kind == "web page" and extracted.outlet == "Midland Courier"


@pytest.mark.parametrize(
    ("name", "raw", "reason"),
    [
        ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\x00\x00stream", "binary"),
        ("page.html", b"<html>\x00\x01\x02", "binary"),
        ("notes.txt", "Caf\xe9 owners said".encode("latin-1") * 30, "not UTF-8"),
        ("log.txt", b"line one\x1b[31m red\n" * 30, "control characters"),
    ],
)
def test_a_file_that_is_neither_html_nor_utf8_text_is_refused(
    tmp_path: Path, name: str, raw: bytes, reason: str
) -> None:
    with pytest.raises(NotReadable, match=reason):
        extract(tmp_path / name, raw)


def test_a_page_saved_in_its_own_legacy_encoding_is_read_by_its_charset(tmp_path: Path) -> None:
    """Browsers save a page in the encoding it was served in (windows-1252, say)."""
    page = (PAGES / "harbour-wall.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    for entity, char in (("&mdash;", "\u2014"), ("&rsquo;", "\u2019"), ("&ldquo;", "\u201c")):
        page = page.replace(entity, char)
    raw = page.replace("&rdquo;", "\u201d").encode("cp1252")
    extracted = extract(tmp_path / "saved.html", raw)
    assert extracted.text == (PAGES / "harbour-wall.txt").read_text(encoding="utf-8")
