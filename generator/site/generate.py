"""The generated pages and downloads of the site, as files under docs/: one function, called by
the MkDocs plugin and by `export-docs` (for any other builder)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.check.pipeline import run_check
from generator.progress import Stages
from generator.report.text import render as render_text
from generator.result import CheckResult
from generator.site.assemble import build_site
from generator.site.buildinfo import DEFAULT_LICENCE, BuildInfo, build_date, data_version
from generator.site.cite import build_script
from generator.site.downloads import downloads
from generator.site.edit import EditLinks
from generator.site.feed import atom_feed
from generator.site.history import facts_history
from generator.site.links import FACTS_PER_PAGE, page_url
from generator.site.pages import build_pages
from generator.site.render import Renderer
from generator.site.views import Site

DEFAULT_SITE_NAME = "Verified fact sheet"


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What the pages depend on besides the facts and the corpus."""

    site_name: str = DEFAULT_SITE_NAME
    repo_url: str | None = None
    edit_branch: str = "main"
    #: The repository root ("edit this fact" links name files relative to it).
    root: Path = field(default_factory=Path)
    #: mkdocs.yml's site_url: makes fact URLs in the CSV, the feed and citations absolute.
    site_url: str = ""
    #: The licence statement of the fact sheet's data, on the Downloads page.
    licence: str = DEFAULT_LICENCE
    #: Facts on one page of a country or an event; more continue on numbered pages.
    facts_per_page: int = FACTS_PER_PAGE


class FactsFailed(ValueError):
    """The facts do not pass the check: no page is generated. The message is the report."""


class ConfigError(ValueError):
    """An option of the plugin in mkdocs.yml that cannot be used; the message says which."""


def facts_per_page(value: object) -> int:
    """The plugin's `facts_per_page`: a whole number of at least 1."""
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigError(
            f"facts_per_page in mkdocs.yml must be a whole number >= 1, not {value!r}"
        )
    return value


def generate_files(
    corpus: Path,
    facts: Path,
    settings: SiteSettings,
    renderer: Renderer,
    stages: Stages | None = None,
) -> tuple[CheckResult, dict[str, str]]:
    """Check the facts, then every generated page and download by its path under docs/;
    `stages` hears how far it is."""
    stages = stages or Stages()
    result = run_check(corpus, facts)
    if result.summary.errors:
        raise FactsFailed(render_text(result))
    stages.stage("assembling the fact pages")
    edit = EditLinks(settings.repo_url, settings.edit_branch, settings.root)
    site = build_site(result, edit, settings.facts_per_page)
    stages.stage("reading the history of the facts")
    build = BuildInfo(settings.site_name, build_date(), data_version(facts), settings.site_url)
    history = facts_history(facts)
    stages.stage("rendering the fact pages")
    generated = build_pages(site, renderer, settings.site_name, build, history, settings.licence)
    generated.update(downloads(result, page_urls(site, build.site_url, renderer.directory_urls)))
    generated["changes.xml"] = atom_feed(history, build)
    generated["assets/javascripts/build.js"] = build_script(build)
    return result, generated


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
