"""`export-docs`: the generated pages and downloads written as files, for any builder.

The files are those the MkDocs plugin adds to a build (`generate_files`, one code path); a file
whose content is unchanged is not rewritten (a builder's cache stays warm), and a file written
by an earlier export that is no longer generated is removed.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from generator.site.buildinfo import DEFAULT_LICENCE
from generator.site.generate import (
    DEFAULT_SITE_NAME,
    SiteSettings,
    facts_per_page,
    generate_files,
)
from generator.site.links import FACTS_PER_PAGE
from generator.site.render import Renderer

#: The files the last export wrote, one a line, kept in the output folder.
MANIFEST = ".factsheet-export"


def export_docs(
    out: Path, config_file: Path, corpus: Path | None, facts: Path | None, links: str
) -> tuple[int, int]:
    """Write the generated files into `out`; (files written, files unchanged)."""
    config = read_config(config_file)
    root = config_file.resolve().parent
    plugin = plugin_options(config)
    settings = SiteSettings(
        str(config.get("site_name") or DEFAULT_SITE_NAME),
        config.get("repo_url"),
        str(plugin.get("edit_branch", "main")),
        root,
        str(config.get("site_url") or ""),
        str(plugin.get("licence", DEFAULT_LICENCE)),
        facts_per_page(plugin.get("facts_per_page", FACTS_PER_PAGE)),
    )
    renderer = Renderer(bool(config.get("use_directory_urls", True)), source=links == "source")
    _, files = generate_files(
        corpus or root / str(plugin.get("corpus", "corpus")),
        facts or root / str(plugin.get("facts", "facts")),
        settings,
        renderer,
    )
    return write_files(out, files)


def write_files(out: Path, files: dict[str, str]) -> tuple[int, int]:
    written = unchanged = 0
    for src, content in sorted(files.items()):
        target = out / src
        data = content.encode("utf-8")
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(target.name + ".tmp")
        temporary.write_bytes(data)
        os.replace(temporary, target)
        written += 1
    _remove_stale(out, set(files))
    return written, unchanged


def _remove_stale(out: Path, current: set[str]) -> None:
    manifest = out / MANIFEST
    before = manifest.read_text(encoding="utf-8").split() if manifest.is_file() else []
    for src in before:
        if src not in current and ".." not in src.split("/"):
            (out / src).unlink(missing_ok=True)
    manifest.write_text("".join(f"{src}\n" for src in sorted(current)), encoding="utf-8")


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml may hold `!!python/name:` and `!ENV` tags: read as plain values, never run."""


_IgnoreTags.add_multi_constructor("", lambda loader, suffix, node: None)


def read_config(path: Path) -> dict[str, Any]:
    loaded = yaml.load(path.read_text(encoding="utf-8"), Loader=_IgnoreTags)
    return loaded if isinstance(loaded, dict) else {}


def plugin_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the `factsheet` plugin in mkdocs.yml's plugins (list or mapping)."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else _listed(plugins)
    for name, options in entries:
        if name == "factsheet":
            return options if isinstance(options, dict) else {}
    return {}


def _listed(plugins: list[Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for item in plugins:
        if isinstance(item, dict):
            pairs.extend(item.items())
        else:
            pairs.append((str(item), {}))
    return pairs
