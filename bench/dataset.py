"""A whole synthetic project (corpus/ and facts/) at a chosen scale, deterministic by seed."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.corpus_gen import write_corpus
from bench.corpus_kinds import maker
from bench.facts_gen import BROKEN_SHARE, write_facts

FACTS_PER_DOCUMENT = 10
REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True, slots=True)
class Dataset:
    root: Path
    facts: int
    documents: int
    broken: int

    @property
    def corpus(self) -> Path:
        return self.root / "corpus"

    @property
    def facts_dir(self) -> Path:
        return self.root / "facts"


def generate(
    root: Path,
    facts: int,
    *,
    documents: int | None = None,
    events: int | None = None,
    broken_share: float = BROKEN_SHARE,
    seed: int = 7,
    kind: str = "news",
) -> Dataset:
    """Write a project of `facts` facts (over facts/10 documents unless told) into `root`,
    its corpus of the kind `kind` (see `bench.corpus_kinds`)."""
    rng = random.Random(seed)
    documents = documents or max(5, facts // FACTS_PER_DOCUMENT)
    corpus = write_corpus(root / "corpus", documents, rng, maker(kind))
    broken = write_facts(root / "facts", facts, corpus, rng, events, broken_share)
    return Dataset(root, facts, documents, broken)


_GENERATE = """
import json, sys
from pathlib import Path
from bench.dataset import generate
made = generate(Path(sys.argv[1]), int(sys.argv[2]), **json.loads(sys.argv[3]))
print(made.documents, made.broken)
"""


def generate_apart(root: Path, facts: int, **options: Any) -> Dataset:
    """`generate` in a child process: the benchmark stays small, which matters because a
    child's peak RSS (as wait4 reports it) starts from its parent's size at fork."""
    command = [sys.executable, "-c", _GENERATE, str(root), str(facts), json.dumps(options)]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=True)
    documents, broken = map(int, done.stdout.split())
    return Dataset(root, facts, documents, broken)
