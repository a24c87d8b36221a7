"""No line break of any kind reaches a page through a channel that parses it.

A name, alias or place is shown on one line (a page title in the front matter, a table cell, a
link): every character that ends a line for some reader is refused there with a `schema`
diagnostic. The characters are generated from `str.splitlines` (what MkDocs' front matter and
Python-Markdown split at) plus YAML's and JavaScript's line and paragraph separators. Behind
that, the front matter is written in ASCII, so even a title that held one could not end it;
and the audit fails on any image or link to a host the site did not put there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import get_data
from pydantic import ValidationError

from generator.audit import audit_site
from generator.hosts import THEME_HOSTS, configured_hosts, url_target
from generator.model import LINE_BREAKS, Country, Fact
from generator.site.render import front_matter

from .test_audit import SNIPPET_LINE, make_site
from .workspace import Workspace, assert_good_file_checked


def splitters() -> list[str]:
    """Every character at which some reader ends a line."""
    found = {chr(code) for code in range(0x110000) if len(f"a{chr(code)}b".splitlines()) > 1}
    return sorted(found | {"\u2028", "\u2029", "\x85"})


def test_the_refused_set_is_every_line_splitter() -> None:
    assert set(splitters()) == LINE_BREAKS


def escaped(char: str) -> str:
    return f"\\u{ord(char):04x}"


def one_line_fields(char: str, index: int) -> str:
    mark = escaped(char)
    return f"""\
countries:
  - code: X{"ABCDEFGHIJKLMNOPQRSTUVWXYZ"[index]}
    name: "Name{mark}---{mark}# Heading"
    aliases: ["Alias{mark}![x](https://evil.example/x.png)"]
events:
  - id: event-{index}
    name: "Event{mark}{mark}# Heading"
    date: 2014-09-15
    place: "Paris{mark}[x](javascript:alert(1))"
    sources:
      - doc: 001_45c1c8414a270103
        quote: Australia said it would provide eight aircraft and 600 personnel to help combat IS.
"""


def test_every_line_break_in_a_one_line_field_is_a_schema_error(workspace: Workspace) -> None:
    chars = splitters()
    for index, char in enumerate(chars):
        workspace.write(f"facts/lines{index}.yml", one_line_fields(char, index))
    outcome = workspace.check()
    for index, char in enumerate(chars):
        found = outcome.at(f"facts/lines{index}.yml")
        assert found == [(3, "schema"), (4, "schema"), (7, "schema"), (9, "schema")], char
        assert f"U+{ord(char):04X}" in outcome.messages(f"facts/lines{index}.yml")
        assert "must be one line" in outcome.messages(f"facts/lines{index}.yml")
    assert_good_file_checked(outcome)


@pytest.mark.parametrize("char", splitters(), ids=lambda char: f"U+{ord(char):04X}")
def test_the_front_matter_holds_any_title_whole(char: str) -> None:
    title = f"Name{char}---{char}# Heading{char}"
    body, meta = get_data(front_matter(title) + "BODY")
    assert meta == {"title": title}
    assert body == "BODY"


FOREIGN = {
    '<img src="https://evil.example/x.png" alt="">': "'evil.example'",
    '<img src="//evil.example/x.png">': "'evil.example'",
    '<img src="HTTPS:\\\\Evil.Example.\\x.png">': "'evil.example'",
    '<img src="https:evil.example/x.png">': "'evil.example'",
    '<img src=" \thttps://user@evil.example:8080/x.png">': "'evil.example'",
    '<img srcset="a.png 1x, https://evil.example/x.png 2x">': "in srcset",
    '<picture><source srcset="https://evil.example/x.webp"></picture>': "'evil.example'",
    '<link rel="stylesheet" href="https://evil.example/x.css">': "'evil.example'",
    '<a href="https://evil.example/">click</a>': "'evil.example'",
    '<a href="https://fonts.googleapis.com.evil.example/">x</a>': "evil.example",
    '<a href="mailto:x@evil.example">mail</a>': "a mailto: URL",
    '<p style="background: url(https://evil.example/x.png)">x</p>': "in style",
    "<style>@import 'https://evil.example/x.css';</style>": "in its text",
    '<svg><image href="https://evil.example/x.svg"/></svg>': "'evil.example'",
}


@pytest.mark.parametrize("snippet", FOREIGN)
def test_the_audit_fails_on_urls_to_other_hosts(snippet: str, tmp_path: Path) -> None:
    count, findings = audit_site(make_site(tmp_path, snippet))
    assert count == 1
    assert findings, snippet
    assert any(FOREIGN[snippet] in finding.message for finding in findings), findings
    assert {finding.line for finding in findings} == {SNIPPET_LINE}


def test_urls_within_the_site_and_to_the_theme_hosts_pass(tmp_path: Path) -> None:
    snippet = (
        '<a href="../events/">e</a><a href="#fact-x">f</a><img src="x.png" srcset="y.png 2x">'
        '<link href="https://fonts.gstatic.com" rel="preconnect">'
    )
    assert audit_site(make_site(tmp_path, snippet)) == (1, [])


def test_the_configured_hosts_are_the_sites_own(tmp_path: Path) -> None:
    corpus = tmp_path / "texts"
    corpus.mkdir()
    (corpus / "sources.yml").write_text(
        "documents:\n  - id: a\n    title: A\n    sha256: " + "0" * 64 + "\n"
        "    url: https://news.example/a\n",
        encoding="utf-8",
    )
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        "site_name: x\nsite_url: https://facts.example/\nrepo_url: https://code.example/o/r\n"
        "plugins:\n  - factsheet:\n      corpus: texts\n"
        "extra:\n  social:\n    - icon: x\n      link: https://social.example/me\n",
        encoding="utf-8",
    )
    hosts = configured_hosts(config)
    own = {"facts.example", "code.example", "news.example", "social.example"}
    assert hosts == THEME_HOSTS | own
    assert configured_hosts(tmp_path / "missing.yml") == THEME_HOSTS


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("../x/", None),
        ("#top", None),
        ("?q=1", None),
        ("HTTP://A.Example:80/x", "a.example"),
        ("\\\\a.example/x", "a.example"),
        ("https:/a.example", "a.example"),
        ("https://[::1]:8000/", "[::1]"),
        ("tel:123", "tel:"),
    ],
)
def test_url_targets_are_read_as_a_browser_reads_them(url: str, target: str | None) -> None:
    assert url_target(url) == target


@pytest.mark.parametrize("char", splitters(), ids=lambda char: f"U+{ord(char):04X}")
def test_ids_and_codes_hold_no_line_break(char: str) -> None:
    source = {"doc": "001_45c1c8414a270103", "quote": "five words or more here"}
    fact: dict[str, object] = {"topic": "other", "claim": "c", "sources": [source]}
    cases: list[tuple[dict[str, object], type[Country] | type[Fact]]] = [
        ({"code": f"AU{char}", "name": "Australia"}, Country),
        ({"code": "AU", "name": "Australia", "aliases": [f"Aussie{char}"]}, Country),
        ({**fact, "id": f"a{char}", "countries": ["AU"]}, Fact),
        ({**fact, "id": "a", "countries": [f"AU{char}"]}, Fact),
    ]
    for data, model in cases:
        with pytest.raises(ValidationError):
            model.model_validate(data)
