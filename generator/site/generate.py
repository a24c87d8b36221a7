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
from generator.site.downloads import downloads
from generator.site.edit import EditLinks
from generator.site.pages import build_pages
from generator.site.render import Renderer

DEFAULT_SITE_NAME = "Verified fact sheet"


@dataclass(frozen=True, slots=True)
class SiteSettings:
    """What the pages depend on besides the facts and the corpus."""

    site_name: str = DEFAULT_SITE_NAME
    repo_url: str | None = None
    edit_branch: str = "main"
    #: The repository root ("edit this fact" links name files relative to it).
    root: Path = field(default_factory=Path)


class FactsFailed(ValueError):
    """The facts do not pass the check: no page is generated. The message is the report."""


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
    site = build_site(result, edit)
    stages.stage("rendering the fact pages")
    generated = build_pages(site, renderer, settings.site_name)
    generated.update(downloads(result))
    return result, generated
