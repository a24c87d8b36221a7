"""What changed in facts/, commit by commit, read from the git history the build runs in.

Each commit that touched the fact files is compared with its parent by `diff_factbases`, the
same comparison `python -m generator diff` reports: facts, events and countries added, removed
and changed. Outside a git repository, or without git, the history is empty and says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.authoring.diff import EntryDiff, diff_factbases
from generator.authoring.revisions import GitError, git
from generator.check.pipeline import load_facts
from generator.load.factbase import FactBase

#: The newest commits read; older ones are summarised as not shown.
LIMIT = 100
_FIELD = "\x1f"
NO_GIT = (
    "The site was built outside a git repository (or without git), so it has no history of"
    " the facts to show."
)


@dataclass(frozen=True, slots=True)
class Revision:
    commit: str
    date: str  # ISO 8601, the committer's
    subject: str
    changes: tuple[EntryDiff, ...]

    def count(self, kind: str, status: str) -> int:
        return sum(1 for c in self.changes if c.kind == kind and c.status == status)


@dataclass(slots=True)
class History:
    revisions: list[Revision] = field(default_factory=list)
    #: Why there is no history to show, in a sentence; "" when there is.
    missing: str = ""


#: What each commit changed, by commit id and facts folder: a commit never changes, so
#: `mkdocs serve` rebuilds read only the log again.
_REVISIONS: dict[str, tuple[EntryDiff, ...]] = {}


def facts_history(facts_dir: Path, limit: int = LIMIT) -> History:
    """The commits that changed `facts_dir`, newest first, each with what it changed."""
    try:
        top = Path(git("-C", str(facts_dir), "rev-parse", "--show-toplevel").decode().strip())
        relative = facts_dir.resolve().relative_to(top.resolve()).as_posix()
        form = f"--format=%H{_FIELD}%P{_FIELD}%cI{_FIELD}%s"
        log = git("-C", str(top), "log", f"-n{limit}", form, "--", relative)
    except (GitError, ValueError):
        return History(missing=NO_GIT)
    lines = [line.split(_FIELD, 3) for line in log.decode("utf-8", "replace").splitlines() if line]
    if not lines:
        return History(missing="No commit has changed the fact files yet.")
    reader = _Reader(top, relative)
    revisions = []
    for commit, parents, date, subject in lines:
        key = f"{commit}:{relative}"
        if key not in _REVISIONS:
            parent = parents.split()[0] if parents else None
            _REVISIONS[key] = tuple(diff_factbases(reader.base(parent), reader.base(commit)))
        revisions.append(Revision(commit, date, subject, _REVISIONS[key]))
    return History(revisions)


class _Reader:
    """Fact bases of commits from `git ls-tree` and `git cat-file`: each commit and each file
    version (blob) is read once, so a commit that changed one file costs one read."""

    def __init__(self, top: Path, relative: str) -> None:
        self.top, self.relative = str(top), relative
        self.bases: dict[str, FactBase] = {}
        self.blobs: dict[str, bytes] = {}

    def base(self, commit: str | None) -> FactBase:
        if commit is None:
            return FactBase()
        if commit not in self.bases:
            self.bases[commit] = load_facts(sorted(self.files(commit).items()))
        return self.bases[commit]

    def files(self, commit: str) -> dict[str, bytes]:
        listing = git("-C", self.top, "ls-tree", "-r", "-z", commit, "--", f"{self.relative}/")
        files = {}
        for entry in listing.decode("utf-8", "replace").split("\0"):
            info, _, name = entry.partition("\t")
            if name.endswith(".yml") and info.split()[1:2] == ["blob"]:
                files[name] = self.blob(info.split()[2])
        return files

    def blob(self, oid: str) -> bytes:
        if oid not in self.blobs:
            self.blobs[oid] = git("-C", self.top, "cat-file", "blob", oid)
        return self.blobs[oid]
