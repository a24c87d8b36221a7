"""The site's figures: `mkdocs build` of generated pages, and page generation's share of it."""

from __future__ import annotations

import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from bench.dataset import generate_apart
from bench.measure import measure_figures
from bench.words import COUNTRIES

REPO = Path(__file__).resolve().parent.parent
FACTS_PER_DOCUMENT = 2

# Builds the site with MkDocs' own build(), timing the plugin's stages by wrapping them.
DRIVER = """
import json, sys, time
import generator.site.generate as plugin  # the stages the plugin runs, one module
spent = {"check": 0.0, "pages": 0.0}
def timed(function, stage):
    def run(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[stage] += time.perf_counter() - start
    return run
plugin.run_check = timed(plugin.run_check, "check")
for name in ("build_site", "build_pages", "downloads"):
    setattr(plugin, name, timed(getattr(plugin, name), "pages"))
from mkdocs.commands.build import build
from mkdocs.config import load_config
start = time.perf_counter()
build(load_config(config_file="mkdocs.yml", site_dir=sys.argv[1]))
spent["total"] = time.perf_counter() - start
print("BENCH " + json.dumps(spent))
"""


@dataclass(frozen=True, slots=True)
class SiteFigures:
    pages: int
    seconds: float
    peak_mb: float
    check_seconds: float
    pages_seconds: float
    build_seconds: float

    @property
    def mkdocs_seconds(self) -> float:
        """MkDocs' own share: the build without the plugin's check and page generation."""
        return self.build_seconds - self.check_seconds - self.pages_seconds


def bench_site(root: Path, pages: int) -> SiteFigures:
    """A project whose site has about `pages` pages (countries, events, sources), built."""
    documents = max(5, pages // 2)
    events = max(1, pages - documents - len(COUNTRIES) - 6)
    generate_apart(
        root, documents * FACTS_PER_DOCUMENT, documents=documents, events=events, broken_share=0.0
    )
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    command = [sys.executable, "-c", DRIVER, str(root / "site")]
    run, spent = measure_figures(command, root, "BENCH", f"mkdocs build at {pages} pages")
    built = sum(1 for _ in (root / "site").rglob("*.html"))
    return SiteFigures(
        built, run.seconds, run.peak_mb, spent["check"], spent["pages"], spent["total"]
    )
