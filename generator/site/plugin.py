"""The MkDocs plugin: a thin adapter that checks the facts and adds the generated pages."""

from __future__ import annotations

import gc
import logging
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.checker import CheckResult, run_check
from generator.report.text import render as render_text
from generator.site.assemble import build_site
from generator.site.buildinfo import DEFAULT_LICENCE, BuildInfo, build_date, data_version
from generator.site.downloads import downloads
from generator.site.edit import EditLinks
from generator.site.errorpage import error_pages
from generator.site.feed import atom_feed
from generator.site.history import facts_history
from generator.site.links import page_url
from generator.site.pages import build_pages
from generator.site.render import Renderer
from generator.site.views import Site

log = logging.getLogger("mkdocs.plugins.factsheet")
TEMPLATES = Path(__file__).parent / "templates"


class FactSheetConfig(base.Config):  # type: ignore[no-untyped-call]
    facts = c.Type(str, default="facts")
    corpus = c.Type(str, default="corpus")
    #: The branch "edit this fact" links point to (only used when repo_url is set).
    edit_branch = c.Type(str, default="main")
    #: The licence statement of the fact sheet's data, on the Downloads page.
    licence = c.Type(str, default=DEFAULT_LICENCE)


class FactSheetPlugin(BasePlugin[FactSheetConfig]):  # type: ignore[no-untyped-call]
    """Checks facts/ against corpus/ on every build; stops the build on any error."""

    def __init__(self) -> None:
        self.root = Path()
        self.renderer: Renderer | None = None
        self.serving = False
        #: The generated paths of the last good build (a failed check when serving shows
        #: its report at each of them).
        self.pages: set[str] = set()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        # Defining on_startup also keeps this one plugin object across the rebuilds of a serve.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.renderer = Renderer(directory_urls=config.use_directory_urls)
        return config

    def folder(self, name: str) -> Path:
        relative: str = getattr(self.config, name)
        return self.root / relative

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        result = run_check(self.folder("corpus"), self.folder("facts"))
        if result.summary.errors:
            report = render_text(result)
            if not self.serving:
                raise PluginError("the facts do not pass the check:\n" + report)
            log.error("the facts do not pass the check:\n%s", report)
            return self.add(files, config, error_pages(report, self.pages))
        for line in render_text(result).splitlines()[:-1]:
            log.info(line)
        generated = self.generate(result, config)
        self.pages = set(generated)
        return self.add(files, config, generated)

    def generate(self, result: CheckResult, config: MkDocsConfig) -> dict[str, str]:
        """Every generated page and download of a checked fact base, by its path under docs/."""
        edit = EditLinks(config.repo_url, self.config.edit_branch, self.root)
        site = build_site(result, edit)
        assert self.renderer is not None
        build = BuildInfo(
            config.site_name,
            build_date(),
            data_version(self.folder("facts")),
            config.site_url or "",
        )
        history = facts_history(self.folder("facts"))
        if history.missing:
            log.info("Changes page: %s", history.missing)
        generated = build_pages(
            site, self.renderer, config.site_name, build, history, self.config.licence
        )
        urls = page_urls(site, build.site_url, config.use_directory_urls)
        generated.update(downloads(result, urls))
        generated["changes.xml"] = atom_feed(history, build)
        return generated

    def add(self, files: Files, config: MkDocsConfig, generated: dict[str, str]) -> Files:
        for src, content in sorted(generated.items()):
            files.append(generated_file(config, files, src, content))
        return files

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self.release_check()

    def on_build_error(self, *, error: Exception) -> None:
        self.release_check()

    def release_check(self) -> None:
        """Give the collector back what `run_check` froze, once the build is over.

        Only when serving: a plain build exits next, and the interpreter's last collection
        would then scan it all. The collection frees the check's cyclic leftovers now; left
        for later, they would likely be frozen again by the next rebuild's check.
        """
        if self.serving:
            gc.unfreeze()
            gc.collect()

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for path in (self.folder("facts"), self.folder("corpus"), TEMPLATES):
            server.watch(str(path))
        return server


def page_urls(site: Site, site_url: str, directory_urls: bool) -> dict[str, str]:
    """`fact:ID` and `event:ID` -> the page's address (site-relative without site_url)."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    urls = {
        f"fact:{fact.id}": f"{base}{page_url(fact.home.src, directory_urls)}#{fact.home.anchor}"
        for fact in site.facts
    }
    urls.update(
        {
            f"event:{key}": base + page_url(event.src, directory_urls)
            for key, event in site.events.items()
        }
    )
    return urls


def generated_file(config: MkDocsConfig, files: Files, src: str, content: str) -> File:
    """An in-memory page or download; a hand-written file at the same path is an error."""
    if files.get_file_from_path(src) is not None:
        raise PluginError(f"docs/{src} clashes with a generated page; rename or remove it")
    # Per-item pages are reached from their section's index page, not listed in the nav.
    listed = src.count("/") == 0 or src.endswith("/index.md")
    inclusion = InclusionLevel.UNDEFINED if listed else InclusionLevel.NOT_IN_NAV
    file = File.generated(config, src, content=content, inclusion=inclusion)
    file.edit_uri = None
    return file
