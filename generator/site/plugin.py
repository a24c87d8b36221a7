"""The MkDocs plugin: a thin adapter that checks the facts and adds the generated pages."""

from __future__ import annotations

import gc
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.corpus.documents import CorpusChanged
from generator.progress import progress_shown
from generator.report.text import render as render_text
from generator.result import CheckResult
from generator.site.buildinfo import DEFAULT_LICENCE
from generator.site.errorpage import error_pages
from generator.site.generate import (
    ConfigError,
    FactsFailed,
    SiteSettings,
    facts_per_page,
    generate_files,
)
from generator.site.links import FACTS_PER_PAGE
from generator.site.render import Renderer

log = logging.getLogger("mkdocs.plugins.factsheet")
TEMPLATES = Path(__file__).parent / "templates"


class FactSheetConfig(base.Config):  # type: ignore[no-untyped-call]
    facts = c.Type(str, default="facts")
    corpus = c.Type(str, default="corpus")
    #: The branch "edit this fact" links point to (only used when repo_url is set).
    edit_branch = c.Type(str, default="main")
    #: The licence statement of the fact sheet's data, on the Downloads page.
    licence = c.Type(str, default=DEFAULT_LICENCE)
    #: Facts on one page of a country or an event; more continue on numbered pages.
    facts_per_page = c.Type(int, default=FACTS_PER_PAGE)


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
        try:
            facts_per_page(self.config.facts_per_page)
        except ConfigError as error:
            raise PluginError(str(error)) from None
        self.root = Path(config.config_file_path or ".").resolve().parent
        self.renderer = Renderer(directory_urls=config.use_directory_urls)
        return config

    def folder(self, name: str) -> Path:
        relative: str = getattr(self.config, name)
        return self.root / relative

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        try:
            result, generated = self.generate(config)
        except FactsFailed as failed:
            if not self.serving:
                raise PluginError(f"the facts do not pass the check:\n{failed}") from None
            log.error("the facts do not pass the check:\n%s", failed)
            return self.add(files, config, error_pages(str(failed), self.pages))
        except CorpusChanged as error:  # one line, not a traceback
            raise PluginError(str(error)) from None
        for line in render_text(result).splitlines()[:-1]:
            log.info(line)
        self.pages = set(generated)
        return self.add(files, config, generated)

    def generate(self, config: MkDocsConfig) -> tuple[CheckResult, dict[str, str]]:
        """The check's result and every generated page and download, by its path under docs/."""
        settings = SiteSettings(
            config.site_name,
            config.repo_url,
            self.config.edit_branch,
            self.root,
            config.site_url or "",
            self.config.licence,
            self.config.facts_per_page,
        )
        assert self.renderer is not None
        with collection_paused(), progress_shown("checking the facts") as stages:
            return generate_files(
                self.folder("corpus"), self.folder("facts"), settings, self.renderer, stages
            )

    def add(self, files: Files, config: MkDocsConfig, generated: dict[str, str]) -> Files:
        for src, content in sorted(generated.items()):
            files.append(generated_file(config, files, src, content))
        return files

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        for path in (self.folder("facts"), self.folder("corpus"), TEMPLATES):
            server.watch(str(path))
        return server


@contextmanager
def collection_paused() -> Iterator[None]:
    """No garbage collection while the facts are checked and the pages made (millions of
    objects made, few freed: each collection would scan them all again), and the collector
    as it was after, for MkDocs and a serve's next rebuild (nothing is frozen: the process's
    settings are the command's, not a plugin's)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


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
