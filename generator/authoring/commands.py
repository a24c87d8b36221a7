"""The authoring commands behind the CLI: each takes parsed options and returns an exit code."""

from __future__ import annotations

import difflib
import sys
from collections import defaultdict
from pathlib import Path

from generator.authoring.diff import diff_factbases
from generator.authoring.diff_report import RENDERER_BY_NAME
from generator.authoring.fix import Proposal, propose_fixes
from generator.authoring.quote import find_sentences, too_short
from generator.authoring.revisions import GitError, factbase_at
from generator.authoring.rewrite import RewriteError, rewrite_scalars
from generator.checker import display_path, run_check
from generator.corpus import load_corpus
from generator.schema import fact_schema_text


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
        print(item.yaml_entry())
    if len(found) > limit:
        print(f"# {len(found) - limit} more; add words or --doc, or raise --limit")
    if not found:
        print(f"no sentence holds all of: {' '.join(words)}", file=sys.stderr)
    return 0 if found else 1


def run_fix(corpus_dir: Path, facts_dir: Path, write: bool) -> int:
    """Print (or, with `write`, apply) the confident quote fixes, one unified diff per file."""
    proposals: dict[str, list[Proposal]] = defaultdict(list)
    for proposal in propose_fixes(run_check(corpus_dir, facts_dir)):
        proposals[proposal.file].append(proposal)
    for file, mine in sorted(proposals.items()):
        path = Path(file)
        raw = path.read_bytes()
        try:
            new = rewrite_scalars(raw, {(item.line, item.column): item.new for item in mine})
        except RewriteError as error:
            print(f"{file}: left as it was: {error}", file=sys.stderr)
            continue
        sys.stdout.writelines(_unified(file, raw, new))
        if write:
            path.write_bytes(new)
    fixed = sum(len(mine) for mine in proposals.values())
    verb = "applied" if write else "can be applied (run fix --write)"
    message = f"{fixed} fix{'' if fixed == 1 else 'es'} {verb}" if fixed else NOTHING_TO_FIX
    print(message, file=sys.stderr)
    return 1 if fixed and not write else 0


NOTHING_TO_FIX = (
    "nothing to fix: no quote misses one corpus sentence by a typo, and no bare value has "
    "exactly one qualified form in its quote (see check)"
)


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
