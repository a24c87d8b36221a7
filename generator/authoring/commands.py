"""The authoring commands behind the CLI: each takes parsed options and returns an exit code."""

from __future__ import annotations

import difflib
import os
import sys
from collections import defaultdict
from pathlib import Path

from generator.authoring.diff import diff_factbases
from generator.authoring.diff_report import RENDERER_BY_NAME
from generator.authoring.fix import Kept, Proposal, judge_quotes
from generator.authoring.quote import document_line, find_sentences, too_short
from generator.authoring.revisions import GitError, factbase_at
from generator.authoring.rewrite import RewriteError, rewrite_scalars
from generator.check.pipeline import display_path, run_check
from generator.corpus.documents import load_corpus
from generator.load.factbase import listed_files
from generator.load.schema import fact_schema_text
from generator.load.yaml import shown


def run_diff(base: str, head: str | None, facts_dir: Path, output_format: str) -> int:
    """Print the entries added, removed and changed from `base` to `head` (or the tree)."""
    try:
        old, new = factbase_at(base, facts_dir), factbase_at(head, facts_dir)
    except GitError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    sys.stdout.write(RENDERER_BY_NAME[output_format](diff_factbases(old, new)))
    if new.diagnostics:
        print(
            f"note: {len(new.diagnostics)} problems in the fact files; run check", file=sys.stderr
        )
    return 0


def run_quote(corpus_dir: Path, words: list[str], doc_id: str | None, limit: int) -> int:
    """Print the sentences holding every word, each with a `sources:` entry to paste."""
    if not corpus_dir.is_dir():
        print(f"error: --corpus {corpus_dir} is not a folder", file=sys.stderr)
        return 2
    corpus = load_corpus(corpus_dir, display_path(corpus_dir))
    if doc_id is not None and doc_id not in corpus.documents:
        print(f"error: no document {doc_id} in {display_path(corpus_dir)}", file=sys.stderr)
        return 2
    found = list(find_sentences(corpus, words, doc_id))
    for item in found[:limit]:
        note = "  (too short to prove a fact alone)" if too_short(item) else ""
        print(f"# {item.doc_id}, paragraph {item.paragraph}, sentence {item.sentence}{note}")
        print(f"#   in {document_line(corpus.documents[item.doc_id])}")
        if item.before:
            print(f"#   the sentence before: {shown(item.before)}")
        print(item.yaml_entry())
    if len(found) > limit:
        print(f"# {len(found) - limit} more; add words or --doc, or raise --limit")
    if not found:
        print(f"no sentence holds all of: {' '.join(words)}", file=sys.stderr)
    return 0 if found else 1


def run_fix(corpus_dir: Path, facts_dir: Path, write: bool) -> int:
    """Print (or, with `write`, apply) the confident quote fixes, one unified diff per file;
    say on stderr, for each quote left alone, which rule kept it."""
    proposals: dict[str, list[Proposal]] = defaultdict(list)
    kept = 0
    for verdict in judge_quotes(run_check(corpus_dir, facts_dir)):
        if isinstance(verdict, Kept):
            kept += 1
            where = f"{verdict.file}:{verdict.line}:{verdict.column}"
            print(f"{where}: kept: {verdict.reason}", file=sys.stderr)
        else:
            proposals[verdict.file].append(verdict)
    paths = _paths_by_display(facts_dir)
    for file, mine in sorted(proposals.items()):
        _fix_file(file, paths.get(file, []), mine, write)
    fixed = sum(len(mine) for mine in proposals.values())
    print(_fix_summary(fixed, kept, write), file=sys.stderr)
    return 1 if fixed and not write else 0


def _fix_summary(fixed: int, kept: int, write: bool) -> str:
    verb = "applied" if write else "can be applied (run fix --write)"
    nothing = "no quote to fix" if kept else NOTHING_TO_FIX
    told = f"{fixed} fix{'' if fixed == 1 else 'es'} {verb}" if fixed else nothing
    if kept:
        told += f"; {kept} kept as written (above, each with its rule): correct by hand"
    return told


NOTHING_TO_FIX = (
    "nothing to fix: no quote misses one corpus sentence by a typo, and no bare value has "
    "exactly one qualified form in its quote (see check)"
)


def _paths_by_display(facts_dir: Path) -> dict[str, list[Path]]:
    """The real path of each fact file by the (escaped) name diagnostics show for it."""
    paths: dict[str, list[Path]] = defaultdict(list)
    for path, display in listed_files(facts_dir, display_path(facts_dir)):
        paths[display].append(path)
    return paths


def _fix_file(file: str, paths: list[Path], mine: list[Proposal], write: bool) -> None:
    """Show (and, with `write`, make) the fixes of one file, found by its real path."""
    if len(paths) != 1:
        reason = f"{len(paths)} files are named so once escaped (unprintable characters)"
        print(f"{file}: left as it was: {reason}; rename them", file=sys.stderr)
        return
    path = paths[0]
    try:
        raw = read_regular_file(path)
        new = rewrite_scalars(
            raw,
            {(item.line, item.column): item.new for item in mine},
            {(item.line, item.column): item.old for item in mine},
        )
    except (OSError, RewriteError) as error:
        told = error.strerror if isinstance(error, OSError) else str(error)
        print(f"{file}: left as it was: {told}", file=sys.stderr)
        return
    sys.stdout.writelines(_unified(file, raw, new))
    if write:
        try:
            write_regular_file(path, new)
        except OSError as error:
            print(f"{file}: left as it was: {error.strerror}", file=sys.stderr)


def write_regular_file(path: Path, data: bytes) -> None:
    """Overwrite a plain file, never through a link put in its place since it was read."""
    flags = os.O_WRONLY | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


def read_regular_file(path: Path) -> bytes:
    """The bytes of a plain file (never through a link, never of a pipe or device)."""
    if path.is_symlink() or not path.is_file():
        raise OSError(0, "not a regular file")
    return path.read_bytes()


def _unified(file: str, old: bytes, new: bytes) -> list[str]:
    return list(
        difflib.unified_diff(
            old.decode("utf-8-sig").splitlines(keepends=True),
            new.decode("utf-8-sig").splitlines(keepends=True),
            f"a/{file}",
            f"b/{file}",
        )
    )


def run_schema(write: bool, path: Path) -> int:
    """Print the JSON Schema of the fact files, or write it to `path`."""
    text = fact_schema_text()
    if not write:
        sys.stdout.write(text)
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {display_path(path)}", file=sys.stderr)
    return 0
