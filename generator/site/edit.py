""" "Edit this fact" links to the YAML file and line, when the site knows its repository."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from generator.load.validate import Entry


@dataclass(frozen=True, slots=True)
class EditLinks:
    """`{repo_url}/blob/{branch}/{file}#L{line}`; no links when repo_url is unset or not http(s)."""

    repo_url: str | None = None
    branch: str = "main"
    #: The repository root: file paths in links are relative to it.
    root: Path = Path()

    def url(self, entry: Entry[Any]) -> str | None:
        repo = (self.repo_url or "").rstrip("/")
        if not repo.startswith(("https://", "http://")):
            return None
        path = os.path.relpath(os.path.abspath(entry.raw.file), os.path.abspath(self.root))
        line, _ = entry.raw.at(())
        # A file name is the pull request author's: quoted, a "#", "?" or "%" in it stays a name.
        return f"{repo}/blob/{self.branch}/{quote(Path(path).as_posix())}#L{line}"
