"""Real MkDocs builds of the site, shared by the site tests (built once per session)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
EPOCH = "1420070400"


def write_config(folder: Path, facts: Path, **extra: object) -> Path:
    """A copy of the repository's mkdocs.yml pointing at `facts` and the real corpus."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    docs = folder / "docs"
    shutil.copytree(REPO / "docs", docs)
    # The how-to page is another engineer's; a stand-in keeps the nav whole until it lands.
    if not (docs / "how-to-add-a-fact.md").exists():
        (docs / "how-to-add-a-fact.md").write_text("# How to add a fact\n", encoding="utf-8")
    config["docs_dir"] = str(docs)
    plugin = {"facts": str(facts), "corpus": str(REPO / "corpus")}
    config["plugins"] = ["search", {"factsheet": plugin}]
    config.update(extra)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def build_site(config_file: Path, site_dir: Path) -> Path:
    """`mkdocs build --strict` in-process, with a fixed SOURCE_DATE_EPOCH."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        build(load_config(str(config_file), site_dir=str(site_dir), strict=True))
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    return site_dir


def small_facts(folder: Path) -> Path:
    facts = folder / "facts"
    facts.mkdir(parents=True)
    shutil.copy(HERE / "fixtures.yml", facts / "facts.yml")
    return facts


@pytest.fixture(scope="session")
def small_config(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("small")
    return write_config(folder, small_facts(folder))


@pytest.fixture(scope="session")
def small_site(small_config: Path) -> Path:
    """The site of tests/site/fixtures.yml (with the injection claim), built by MkDocs."""
    return build_site(small_config, small_config.parent / "site")


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The site of the repository's own facts/."""
    folder = tmp_path_factory.mktemp("repo")
    yield build_site(write_config(folder, REPO / "facts"), folder / "site")
