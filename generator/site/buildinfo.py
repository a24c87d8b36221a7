"""What a reader needs to cite or reuse the site: its name, when it was built, which data."""

from __future__ import annotations

import datetime
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LICENCE = (
    "The facts (claims, values, dates, links) are published under the Creative Commons "
    "Attribution 4.0 licence (CC BY 4.0): reuse them, naming this fact sheet."
)


@dataclass(frozen=True, slots=True)
class BuildInfo:
    site_name: str
    #: The build's date, YYYY-MM-DD (from SOURCE_DATE_EPOCH when set, for reproducible builds).
    built: str
    #: The first 12 hex digits of the sha256 of every fact file, by path: the data version.
    version: str
    #: The site's address when mkdocs.yml gives site_url, to make links absolute; else "".
    site_url: str = ""


def build_date() -> str:
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when that is set (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    moment = (
        datetime.datetime.fromtimestamp(int(epoch), datetime.UTC)
        if epoch.isdigit()
        else datetime.datetime.now(datetime.UTC)
    )
    return moment.date().isoformat()


def data_version(facts_dir: Path) -> str:
    """A digest of the fact files' paths and bytes: equal data, equal version."""
    digest = hashlib.sha256()
    for path in sorted(facts_dir.rglob("*.yml")):
        digest.update(path.relative_to(facts_dir).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:12]
