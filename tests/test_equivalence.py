"""The one pipeline, run two ways, gives one result.

`run_check` is the pipeline's stages in order; `check_project` runs the same stages memoised
by content (a cache) and mapped over forked worker processes. Over every example folder of
`tests/cases/` and the benchmark's small scale, both must find the same diagnostics and the
same counts: cold (filling the cache), warm (reading it) and without a cache.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from bench.dataset import generate
from generator.check.pipeline import run_check
from generator.incremental import workers
from generator.incremental.project import check_project
from generator.incremental.store import Cache
from generator.result import Outcome
from tests.test_cases import CASES, edit_corpus_file

EXAMPLES = sorted([*(CASES / "positive").iterdir(), *(CASES / "negative").iterdir()])


def same(one: Outcome, other: Outcome) -> bool:
    return one.diagnostics == other.diagnostics and one.summary == other.summary


def assert_every_way_agrees(cache: Path) -> Outcome:
    """From the current folder (a project): the plain pipeline, then the cached, parallel
    one cold, warm and uncached, on two processes whatever the size."""
    plain = run_check(Path("corpus"), Path("facts"))
    for _ in ("cold", "warm"):
        assert same(check_project(Path("corpus"), Path("facts"), Cache(cache), jobs=2), plain)
    assert same(check_project(Path("corpus"), Path("facts"), None, jobs=2), plain)
    return plain


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fork the workers for any batch, however small (the examples are a few kB)."""
    monkeypatch.setattr(workers, "PARALLEL_BYTES", 0)


@pytest.mark.usefixtures("forking")
@pytest.mark.parametrize("case", EXAMPLES, ids=lambda case: f"{case.parent.name}/{case.name}")
def test_both_ways_agree_on_an_example_folder(
    case: Path, repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(case / "facts", tmp_path / "facts")
    shutil.copytree(repo_root / "corpus", tmp_path / "corpus")
    expected: dict[str, Any] = {}
    if (case / "expected.yml").exists():
        expected = yaml.safe_load((case / "expected.yml").read_text(encoding="utf-8"))
    for name, edit in expected.get("corpus_edits", {}).items():
        edit_corpus_file(tmp_path / "corpus" / name, edit)
    monkeypatch.chdir(tmp_path)
    plain = assert_every_way_agrees(tmp_path / "cache")
    assert plain.summary.facts + plain.summary.documents > 0


def test_both_ways_agree_on_the_benchmarks_small_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1,000 facts over 100 documents, a tenth of the quotes broken as curators break them;
    large enough that the check forks its workers by itself."""
    dataset = generate(tmp_path / "project", 1_000)
    monkeypatch.chdir(dataset.root)
    plain = assert_every_way_agrees(tmp_path / "cache")
    assert plain.summary.facts == 1_000
    assert plain.summary.errors >= dataset.broken > 0
