"""The benchmark at a tiny scale, so that it cannot rot."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bench.__main__ import main as bench_main
from bench.dataset import generate


def test_generated_data_is_deterministic_and_broken_the_curators_way(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 300)
    second = generate(tmp_path / "b", 300)
    files = sorted(path.relative_to(first.root) for path in first.root.rglob("*.*"))
    assert files == sorted(path.relative_to(second.root) for path in second.root.rglob("*.*"))
    assert all((first.root / f).read_bytes() == (second.root / f).read_bytes() for f in files)
    assert 0 < first.broken < 300 * 0.2


def test_the_benchmark_runs_and_prints_its_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    arguments = ["--scales", "200", "--pages", "60", "--one-sentence", "50", "150"]
    assert bench_main([*arguments, "--keep", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| 150 |" in printed.split("## Many facts citing one sentence")[1]
    assert "the build stays linear when many facts cite one sentence" in printed
    for kind in ("news", "repetitive", "prose"):  # the three corpora, side by side
        assert f"| {kind} | 200 | 20 |" in printed
        assert re.search(rf"{kind}, 200 facts: near miss p99 <= 5 ms \(\d+\.\d+ ms\)", printed)
    assert "## Site" in printed
    assert "PASS: cached and uncached runs print the same diagnostics" in printed
    near = re.search(
        r"near-miss suggestion <= 50 µs each \((\d+) µs \((\d+) \+ (\d+) µs\)\)", printed
    )
    assert near, "the near-miss cost, split into the search elsewhere and the suggestion"
    whole, elsewhere, rest = map(int, near.groups())
    assert elsewhere > 0 and rest > 0 and abs(elsewhere + rest - whole) <= 1


def test_fact_names_in_letters_spell_no_number() -> None:
    """The synthetic claims name their fact in letters: none may read as a number word."""
    from bench.facts_gen import letters
    from generator.corpus.numbers import occurrences

    assert [letters(n) for n in range(100_000) if occurrences(letters(n))] == []
