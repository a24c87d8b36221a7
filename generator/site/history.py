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
from generator.factbase import FactBase, load_factbase_from_bytes

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


def facts_history(facts_dir: Path, limit: int = LIMIT) -> History:
    """The commits that changed `facts_dir`, newest first, each with what it changed."""
    try:
        top = Path(git("-C", str(facts_dir), "rev-parse", "--show-toplevel").decode().strip())
        relative = facts_dir.resolve().relative_to(top.resolve()).as_posix()
        log = git(
            "-C", str(top), "log", f"-n{limit}", f"--format=%H{_FIELD}%cI{_FIELD}%s", "--", relative
        )
    except (GitError, ValueError):
        return History(missing=NO_GIT)
    lines = [line.split(_FIELD, 2) for line in log.decode("utf-8", "replace").splitlines() if line]
    if not lines:
        return History(missing="No commit has changed the fact files yet.")
    bases: dict[str, FactBase] = {}
    revisions = []
    for commit, date, subject in lines:
        old = _factbase(top, relative, _parent(top, commit), bases)
        new = _factbase(top, relative, commit, bases)
        revisions.append(Revision(commit, date, subject, tuple(diff_factbases(old, new))))
    return History(revisions)


def _parent(top: Path, commit: str) -> str | None:
    try:
        return (
            git("-C", str(top), "rev-parse", "--verify", "--quiet", f"{commit}^").decode().strip()
        )
    except GitError:
        return None  # the first commit


def _factbase(top: Path, relative: str, commit: str | None, bases: dict[str, FactBase]) -> FactBase:
    if commit is None:
        return FactBase()
    if commit not in bases:
        listing = git(
            "-C", str(top), "ls-tree", "-r", "-z", "--name-only", commit, "--", f"{relative}/"
        )
        names = [name for name in listing.decode().split("\0") if name.endswith(".yml")]
        files = {name: git("-C", str(top), "show", f"{commit}:{name}") for name in names}
        bases[commit] = load_factbase_from_bytes(files)
    return bases[commit]
