"""Compiled templates kept between builds, in the user's cache folder.

Compiling the templates is a fixed cost of every build (some 0.05 s), and every `mkdocs build`
is a fresh process: Jinja's bytecode cache keeps the compiled code in
`$XDG_CACHE_HOME/factsheet/jinja`, next to the checker's secret and outside any checkout (a
relative `XDG_CACHE_HOME` is ignored, one inside the project refused: `places.py`). Jinja
keys an entry on the template's name and path and checks it against the template's source
checksum, so an edited template compiles afresh; the name of each file also holds a key of the
Jinja version and of this package's environment settings (`render.py`), which change the
compiled code too. The cache only ever saves time: a folder that cannot be made, read or
written, or an entry that cannot be loaded, means the template is compiled as without one.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket

from generator.incremental.places import jinja_folder

#: Sets the environment's options, which change what the same template source compiles to.
SETTINGS = Path(__file__).with_name("render.py")


def folder() -> Path | None:
    """`$XDG_CACHE_HOME/factsheet/jinja` (`~/.cache/...`), beside the checker's secret; None
    when that would lie inside the project (a relative `XDG_CACHE_HOME` is ignored)."""
    return jinja_folder()


def bytecode_cache() -> jinja2.BytecodeCache | None:
    """The user's cache of compiled templates, or None when its folder cannot be made."""
    try:
        settings = hashlib.sha256(jinja2.__version__.encode() + SETTINGS.read_bytes())
        place = folder()
        if place is None:
            return None
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return None
    return QuietBytecodeCache(str(place), f"{settings.hexdigest()[:16]}-%s.cache")


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """Jinja's file cache, where a failed read or write is a miss rather than a failed build."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a damaged entry can fail in pickle or marshal in many ways
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):
            super().dump_bytecode(bucket)
