"""Compiled templates in the user's cache folder: used when there, never in the way."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from jinja2 import DictLoader, Environment

from generator.check.pipeline import run_check
from generator.site.assemble import build_site
from generator.site.bytecode import QuietBytecodeCache, bytecode_cache, folder
from generator.site.pages import build_pages
from generator.site.render import Renderer, environment

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = ["countries.md.j2", "country.md.j2", "event.md.j2", "source.md.j2", "home.md.j2"]


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty `$XDG_CACHE_HOME` of this test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    return tmp_path / "xdg"


def fail_to_compile(*args: object, **kwargs: object) -> None:
    raise AssertionError("compiled a template the cache holds")


def test_templates_compile_once_per_user(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in TEMPLATES:
        environment().get_template(name)
    assert folder() == cache_home / "factsheet" / "jinja"
    assert len(list(folder().glob("*.cache"))) >= len(TEMPLATES)
    warm = environment()
    monkeypatch.setattr(warm, "compile", fail_to_compile)
    for name in TEMPLATES:
        warm.get_template(name)


def test_pages_are_the_same_with_a_cold_a_warm_and_no_cache(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    facts = tmp_path / "facts"
    facts.mkdir()
    shutil.copy(Path(__file__).parent / "fixtures.yml", facts / "facts.yml")
    site = build_site(run_check(REPO / "corpus", facts))
    cold = build_pages(site, Renderer(), "Fact sheet")
    warm = build_pages(site, Renderer(), "Fact sheet")
    monkeypatch.setenv("XDG_CACHE_HOME", str(facts / "facts.yml"))  # a file: no cache
    assert bytecode_cache() is None
    assert cold == warm == build_pages(site, Renderer(), "Fact sheet")


def test_a_file_in_place_of_the_folder_means_no_cache(cache_home: Path) -> None:
    cache_home.mkdir()
    (cache_home / "factsheet").write_text("not a folder", encoding="utf-8")
    assert bytecode_cache() is None
    (cache_home / "factsheet").unlink()
    (cache_home / "factsheet").mkdir()
    (cache_home / "factsheet" / "jinja").write_text("not a folder", encoding="utf-8")
    assert bytecode_cache() is None
    assert "# Downloads" in Renderer().page("downloads.md.j2", "downloads/index.md", "Downloads")


def test_damaged_entries_and_failed_writes_only_cost_a_compilation(cache_home: Path) -> None:
    page = Renderer().page("downloads.md.j2", "downloads/index.md", "Downloads")
    entries = list(folder().glob("*.cache"))
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:20])
    assert Renderer().page("downloads.md.j2", "downloads/index.md", "Downloads") == page
    renderer = Renderer()  # its cache folder is gone before the first template is written
    for entry in folder().iterdir():
        entry.unlink()
    folder().rmdir()
    assert renderer.page("downloads.md.j2", "downloads/index.md", "Downloads") == page


def test_an_edited_template_is_compiled_afresh(tmp_path: Path) -> None:
    """Jinja checks every entry against the template's source checksum."""
    cache = QuietBytecodeCache(str(tmp_path), "%s.cache")
    before = Environment(loader=DictLoader({"t": "one"}), bytecode_cache=cache)
    assert before.get_template("t").render() == "one"
    after = Environment(loader=DictLoader({"t": "two"}), bytecode_cache=cache)
    assert after.get_template("t").render() == "two"
