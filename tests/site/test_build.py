"""Real `mkdocs build --strict` runs: pages, links, escaping, reproducibility, refusal."""

from __future__ import annotations

import gc
import html
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.check.pipeline import run_check
from tests.site.conftest import REPO, build_site

HREF = re.compile(r'href="([^"]*)"')
ID = re.compile(r'id="([^"]*)"')
INJECTION = (
    '<script>alert(origin)</script> [x](javascript:alert(origin)) {: onclick="alert(origin)" }'
    ' {{ "ab"|upper }}'
)


def page(site: Path, path: str) -> str:
    return (site / f"{path}.html").read_text(encoding="utf-8")


def test_the_repository_site_has_every_page(repo_site: Path) -> None:
    result = run_check(REPO / "corpus", REPO / "facts")
    for country in result.context.base.countries:
        assert (repo_site / "countries" / f"{country.model.code.lower()}.html").is_file()
    for event in result.context.base.events:
        assert (repo_site / "events" / f"{event.model.id}.html").is_file()
    for doc_id in result.context.corpus.documents:
        assert (repo_site / "sources" / f"{doc_id}.html").is_file()
    for name in ("facts.json", "facts.csv", "events.csv", "facts.schema.json"):
        assert (repo_site / "downloads" / name).is_file()
    for name in ("timeline", "figures", "conflicts", "changes"):
        assert (repo_site / f"{name}.html").is_file()


def broken_links(site: Path) -> list[str]:
    """Every relative link of every page whose file or anchor does not exist."""
    ids: dict[Path, set[str]] = {}
    broken = []
    for source in sorted(site.rglob("*.html")):
        text = source.read_text(encoding="utf-8")
        for href in HREF.findall(text):
            href = html.unescape(href)
            if urlsplit(href).scheme or href.startswith("/"):
                continue  # external, or the root-relative links of 404.html
            path, anchor = urldefrag(href)
            target = (source.parent / path).resolve() if path else source
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{source.relative_to(site)}: {href}")
            elif anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(ID.findall(target.read_text(encoding="utf-8")))
                if anchor not in ids[target]:
                    broken.append(f"{source.relative_to(site)}: {href}")
    return broken


def test_every_link_and_anchor_resolves(small_site: Path, repo_site: Path) -> None:
    assert broken_links(small_site) == []
    assert broken_links(repo_site) == []


def test_the_injection_claim_is_shown_as_text(small_site: Path) -> None:
    text = page(small_site, "countries/zz")
    claim = re.search(r'<h3 class="fs-claim" id="fact-injection">(.*?)</h3>', text)
    assert claim is not None and html.unescape(claim.group(1)) == INJECTION
    assert "<script>alert" not in text and "<img src=x" not in text
    assert 'onclick="alert' not in text
    assert "<title>&lt;img src=x onerror=alert(2)&gt; Zed {{ 7*7 }} - " in text


def test_markdown_in_an_event_name_is_not_interpreted(small_site: Path) -> None:
    text = page(small_site, "events/paris-conference-2014")
    assert "Paris conference &lt;b&gt;on&lt;/b&gt; *Iraq*" in text
    assert "<em>Iraq</em>" not in text
    assert "{% raw %}Paris{% endraw %}" in text


def test_two_builds_are_byte_identical(
    small_config: Path, small_site: Path, tmp_path: Path
) -> None:
    again = build_site(small_config, tmp_path / "again")
    first = sorted(path.relative_to(small_site) for path in small_site.rglob("*") if path.is_file())
    second = sorted(path.relative_to(again) for path in again.rglob("*") if path.is_file())
    assert first == second
    assert Path("sitemap.xml.gz") in first
    differing = [p for p in first if (small_site / p).read_bytes() != (again / p).read_bytes()]
    assert differing == []


def test_a_fact_error_stops_the_build_with_the_diagnostic(
    small_config: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(small_config.parent / "facts", folder / "facts")
    facts = folder / "facts" / "facts.yml"
    text = facts.read_text(encoding="utf-8")
    facts.write_text(text.replace("provide eight aircraft", "provide nine aircraft"), "utf-8")
    config = small_config.read_text(encoding="utf-8").replace(
        str(small_config.parent / "facts"), str(folder / "facts")
    )
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(folder / "site")]
    done = subprocess.run(
        command, cwd=folder, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode != 0
    line = text.splitlines().index("  - id: au-aircraft-personnel-pledge") + 9
    assert f"facts/facts.yml:{line}:" in done.stderr
    assert "error[quote-not-found]" in done.stderr
    assert not (folder / "site" / "index.html").exists()


def test_a_build_leaves_the_collector_alone(small_config: Path, tmp_path: Path) -> None:
    """`mkdocs serve` rebuilds in one process: the plugin pauses the collector only while it
    checks and makes the pages, and leaves it as it was (enabled, nothing frozen: the
    process's settings are the command line's)."""
    frozen = gc.get_freeze_count()
    config = load_config(str(small_config), site_dir=str(tmp_path / "site"), strict=True)
    build(config)
    assert gc.isenabled()
    assert gc.get_freeze_count() == frozen
