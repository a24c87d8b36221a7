"""The hosts a built site may link to or load from, and the host a URL in a page points to.

A page may name another host only where the site put it there: the theme (its web fonts and its
"Made with Material" link), the configuration (`site_url`, `repo_url`, so "Edit this fact"
links), the hand-written pages of `docs/` (reviewed like code) and the corpus's own metadata
(the `url:` of a source). An image, stylesheet or link to
any other host came from somewhere else, and the audit reports it.
"""

from __future__ import annotations

import re
from pathlib import Path

#: Material's pages load its web fonts from Google and link to its own documentation; Zensical's
#: pages (the builder tested as Material's successor) link to Zensical's site.
THEME_HOSTS = frozenset(
    {"fonts.googleapis.com", "fonts.gstatic.com", "squidfunk.github.io", "zensical.org"}
)
#: Schemes whose URLs name a host after the colon (with or without slashes: browsers read
#: `https:evil.example` and `https:\\evil.example` as `https://evil.example`).
HOST_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):(.*)", re.DOTALL)
_DROPPED = re.compile(r"[\t\n\r]")  # browsers drop these anywhere in a URL
_EDGES = re.compile(r"^[\x00-\x20]+|[\x00-\x20]+$")  # and controls and spaces around it
_AUTHORITY_END = re.compile(r"[/?#]")
#: A link of a hand-written Markdown page: `[text](URL)`, `<URL>` or `[name]: URL`.
_MARKDOWN_LINK = re.compile(
    r"\]\((https?://[^)\s]+)|<(https?://[^>\s]+)>|^\[[^\]]+\]:\s*(\S+)", re.M
)


def url_target(value: str) -> str | None:
    """The host a URL points to (`evil.example`), `scheme:` for a URL of a scheme without a
    host (`mailto:`), or None for a URL within the site (relative, or a #fragment)."""
    cleaned = _EDGES.sub("", _DROPPED.sub("", value)).replace("\\", "/")
    scheme = _SCHEME.match(cleaned)
    if scheme:
        name, rest = scheme.group(1).lower(), scheme.group(2)
        if name not in HOST_SCHEMES:
            return f"{name}:"
        return _host(rest.lstrip("/"))
    if cleaned.startswith("//"):
        return _host(cleaned[2:])
    return None


def _host(authority: str) -> str:
    end = _AUTHORITY_END.search(authority)
    host = authority[: end.start()] if end else authority
    host = host.rpartition("@")[2]
    host = host[: host.find("]") + 1] if host.startswith("[") else host.partition(":")[0]
    return host.lower().rstrip(".")


def configured_hosts(config_file: Path) -> frozenset[str]:
    """The theme's hosts, and those of `site_url`, `repo_url`, Material's `extra.social` links,
    the links of the hand-written pages (`docs_dir`) and the corpus's source URLs (the corpus
    folder named in the factsheet plugin's settings of `config_file`)."""
    if not config_file.is_file():
        return THEME_HOSTS
    from mkdocs.utils.yaml import yaml_load  # MkDocs' own reading (with !ENV and !relative)

    from generator.corpus.documents import listed_urls

    with config_file.open("rb") as stream:
        config = yaml_load(stream) or {}
    urls = [str(config.get(name) or "") for name in ("site_url", "repo_url")]
    urls.extend(_social_links(config.get("extra")))
    corpus = _plugin_options(config.get("plugins"), "factsheet").get("corpus", "corpus")
    root = config_file.resolve().parent
    if corpus is not None:
        urls.extend(listed_urls(root / str(corpus)))
    urls.extend(_hand_written_links(root / str(config.get("docs_dir") or "docs")))
    hosts = {url_target(url) for url in urls if url}
    return THEME_HOSTS | {host for host in hosts if host and not host.endswith(":")}


def _hand_written_links(docs: Path) -> list[str]:
    """The web addresses the Markdown pages of `docs` link to."""
    found: list[str] = []
    for page in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
        text = page.read_text(encoding="utf-8", errors="replace")
        found.extend(next(filter(None, match.groups())) for match in _MARKDOWN_LINK.finditer(text))
    return found


def _social_links(extra: object) -> list[str]:
    """The links of Material's `extra.social` icons (in the footer of every page)."""
    social = extra.get("social") if isinstance(extra, dict) else None
    links = [item.get("link") for item in social or [] if isinstance(item, dict)]
    return [link for link in links if isinstance(link, str)]


def _plugin_options(plugins: object, name: str) -> dict[str, object]:
    """The options of plugin `name` in MkDocs' `plugins:` (a list of names or one-key
    mappings, or a mapping); {"corpus": None} when the plugin is not listed."""
    entries: list[tuple[object, object]] = []
    if isinstance(plugins, dict):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = [
            next(iter(item.items())) if isinstance(item, dict) and item else (item, {})
            for item in plugins
        ]
    for key, options in entries:
        if key == name:
            return options if isinstance(options, dict) else {}
    return {"corpus": None}
