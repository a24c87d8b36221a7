"""One Jinja environment for every page: autoescaped, strict, templates from the package."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import escape

from generator.corpus.normalize import normalize
from generator.corpus.sentences import split_sentences
from generator.model import TOPICS
from generator.site.buildinfo import DEFAULT_LICENCE, BuildInfo, build_date
from generator.site.bytecode import bytecode_cache
from generator.site.dates import show_date
from generator.site.links import Linker
from generator.site.passages import PagePassages, every_time

TOPIC_LABELS = {topic: topic.capitalize() for topic in TOPICS}
NORMALISATION_LABELS = {
    "quotes": "curly quotes",
    "dashes": "dashes",
    "spaces": "spaces",
    "unicode": "Unicode forms",
}


def environment() -> Environment:
    """Every value is HTML-escaped unless a template says otherwise; missing fields fail.

    In loops over many items, write `{% if x %}text{% endif %}` rather than `{{ "text" if x }}`:
    a false inline if without else renders an Undefined, which costs some sixty times as much.
    """
    env = Environment(
        loader=PackageLoader("generator.site", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # a Renderer serves one build (on_config makes a new one each time)
        bytecode_cache=bytecode_cache(),
    )
    env.filters["date"] = show_date
    env.filters["normalisations"] = lambda names: ", ".join(NORMALISATION_LABELS[n] for n in names)
    env.globals["TOPIC_LABELS"] = TOPIC_LABELS
    env.tests["within"] = within
    env.filters["lead"] = lead
    env.globals["passage"] = PagePassages()  # pages that repeat passages pass their own
    env.globals["date_shown"] = every_time  # pages that repeat dates pass a DatesShown
    env.globals["build"] = BuildInfo("", build_date(), "")  # build_pages sets the real one
    env.globals["licence"] = DEFAULT_LICENCE
    return env


def lead(text: str) -> str:
    """The first sentence of `text`, with "…" when more follows (a log names an entry by it)."""
    spans = split_sentences(text)
    if len(spans) < 2:
        return text
    return text[: spans[0][1]].rstrip() + " …"


def within(part: str, whole: str) -> bool:
    """Whether `part` occurs in `whole`, read as the checker reads quotes (normalised)."""
    wanted = normalize(part).strip()
    return bool(wanted) and wanted in normalize(whole)


def front_matter(title: str) -> str:
    """YAML front matter with the page title, HTML-escaped (themes print it unescaped).

    Written in ASCII (a JSON string, which YAML reads the same): no character of the title,
    whatever it is, can end the line or the front matter (MkDocs splits it at U+2028 too).
    No title (the home page) leaves the browser tab with the site's name alone.
    """
    if not title:
        return ""
    return "---\ntitle: " + json.dumps(str(escape(title)), ensure_ascii=True) + "\n---\n\n"


class Renderer:
    """Renders page templates into Markdown documents; templates compile once."""

    def __init__(
        self, directory_urls: bool = True, env: Environment | None = None, source: bool = False
    ) -> None:
        self.env = env or environment()
        self.directory_urls = directory_urls
        #: Links between pages point at their Markdown files (see `Linker`).
        self.source = source

    def linker(self, src: str) -> Linker:
        """Relative links from the page at `src`."""
        return Linker(src, self.directory_urls, self.source)

    def page(self, template: str, src: str, title: str, **context: Any) -> str:
        body = self.env.get_template(template).render(url=self.linker(src), **context)
        return front_matter(title) + body
