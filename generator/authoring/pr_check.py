"""`check` in a pull request: annotations ordered by the diff, and the job summary."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.report import render
from generator.result import Outcome

if TYPE_CHECKING:
    from generator.authoring.diff import EntryDiff


@dataclass(frozen=True, slots=True)
class Review:
    """What the pull request changed, from `git diff BASE`: lines, and entries by id."""

    lines: dict[str, set[int]]
    entries: list[EntryDiff]


def review_against(base: str | None, facts_dir: Path) -> Review | None:
    """Compare the working tree with `base`, if given (raises GitError when git cannot)."""
    if base is None:
        return None
    from generator.authoring.diff import diff_factbases  # a plain check starts faster without
    from generator.authoring.revisions import changed_lines, factbase_at
    from generator.check.pipeline import load_facts, read_facts

    old = factbase_at(base, facts_dir)
    new = load_facts(read_facts(facts_dir))
    return Review(changed_lines(base), diff_factbases(old, new))


def summary_path(explicit: Path | None, output_format: str) -> Path | None:
    """--summary FILE, or GitHub's step summary file when printing for GitHub."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get("GITHUB_STEP_SUMMARY")
    return Path(from_env) if from_env and output_format == "github" else None


def report(
    result: Outcome, output_format: str, review: Review | None, summary_file: Path | None
) -> str:
    """The printed report; the job summary is appended to `summary_file` on the way."""
    if summary_file is not None:
        from generator.authoring import summary

        with summary_file.open("a", encoding="utf-8") as stream:
            stream.write(summary.render(result, review.entries if review else None) + "\n")
    return render(result, output_format, review.lines if review else None)
