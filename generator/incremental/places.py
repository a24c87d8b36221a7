"""Where the caches live: in the user's cache folder, never inside the project being checked.

Whatever sits inside the project can come from a pull request (`git add -f` commits ignored
files, links included). So the secret that signs the checker's entries, the default checker
cache and Jinja's compiled templates (which Jinja unpickles) are kept in
`$XDG_CACHE_HOME/factsheet` (`~/.cache/factsheet`): a relative `XDG_CACHE_HOME` is ignored, as
the XDG Base Directory specification says, and a cache folder that would lie inside the
project is refused (then nothing is cached).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

APPLICATION = "factsheet"


def user_cache_home() -> Path:
    """`$XDG_CACHE_HOME` when it is an absolute path, else `~/.cache`."""
    given = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(given):
        return Path(given)
    return Path(os.path.expanduser("~"), ".cache")


def project_root() -> Path:
    """The project being worked on: the git checkout holding the current folder (the nearest
    folder with a `.git`), else the current folder."""
    here = Path(os.path.realpath(os.curdir))
    for folder in [here, *here.parents]:
        if os.path.lexists(folder / ".git"):
            return folder
    return here


def inside_project(path: Path) -> bool:
    """Whether `path` is, or would be once made, inside the project (links resolved)."""
    project = project_root()
    resolved = Path(os.path.realpath(path))
    return resolved == project or project in resolved.parents


def user_folder() -> Path | None:
    """`$XDG_CACHE_HOME/factsheet`, or None when it would lie inside the project."""
    folder = user_cache_home() / APPLICATION
    return None if inside_project(folder) else folder


def secret_file() -> Path | None:
    """The per-user secret that signs cache entries (None: no place for one)."""
    folder = user_folder()
    return None if folder is None else folder / "secret"


def default_cache_folder() -> Path | None:
    """The checker's cache for the current folder: `$XDG_CACHE_HOME/factsheet/checks/KEY`,
    KEY a hash of the folder's real path (each checkout has its own)."""
    folder = user_folder()
    if folder is None:
        return None
    here = os.path.realpath(os.curdir).encode("utf-8", "surrogateescape")
    return folder / "checks" / hashlib.sha256(here).hexdigest()[:32]


def jinja_folder() -> Path | None:
    """Where Jinja's compiled templates are kept (None: not kept)."""
    folder = user_folder()
    return None if folder is None else folder / "jinja"
