"""The benchmark at a tiny scale (so it cannot rot), and the check cache it measures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.__main__ import main as bench_main
from bench.dataset import Dataset, generate
from generator.cache import Cache
from generator.checker import run_check
from generator.report import REPORTER_BY_NAME


@pytest.fixture(scope="module")
def dataset(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return generate(tmp_path_factory.mktemp("bench") / "project", 300)


def check_text(dataset: Dataset, cache: Cache | None) -> str:
    result = run_check(Path("corpus"), Path("facts"), cache)
    return REPORTER_BY_NAME["text"](result)


def test_generated_data_is_deterministic_and_broken_the_curators_way(tmp_path: Path) -> None:
    first = generate(tmp_path / "a", 300)
    second = generate(tmp_path / "b", 300)
    files = sorted(path.relative_to(first.root) for path in first.root.rglob("*.*"))
    assert files == sorted(path.relative_to(second.root) for path in second.root.rglob("*.*"))
    assert all((first.root / f).read_bytes() == (second.root / f).read_bytes() for f in files)
    assert 0 < first.broken < 300 * 0.2


def test_cached_and_uncached_runs_report_the_same(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(dataset.root)
    uncached = check_text(dataset, None)
    for code in ("quote-not-found", "quote-in-other-document", "value-not-in-quote"):
        assert f"[{code}]" in uncached
    cold = check_text(dataset, Cache(tmp_path / "cache"))
    assert list((tmp_path / "cache").glob("*.marshal"))
    warm = check_text(dataset, Cache(tmp_path / "cache"))
    assert cold == uncached
    assert warm == uncached


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_damaged_cache_entry_is_ignored(
    damage: str, dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(dataset.root)
    folder = tmp_path / "cache"
    expected = check_text(dataset, Cache(folder))
    for entry in folder.glob("*.marshal"):
        data = entry.read_bytes()
        damaged = {
            "flip": data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
            "truncate": data[: len(data) // 2],
            "garbage": b"\x00\xff" * 100,
            "empty": b"",
        }[damage]
        entry.write_bytes(damaged)
    assert check_text(dataset, Cache(folder)) == expected
    assert check_text(dataset, Cache(folder)) == expected  # and rewritten sound


def test_a_cache_entry_of_other_code_is_ignored(
    dataset: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(dataset.root)
    folder = tmp_path / "cache"
    expected = check_text(dataset, Cache(folder))
    other = Cache(folder)
    other.key = "0" * 64
    # Entries written under another code key, whose content differs: never read back.
    for entry in folder.glob("*.marshal"):
        other._write(entry.name, ("facts/x.yml", [], [("x", 1, 1, "schema", "stale", None)]))
    assert check_text(dataset, Cache(folder)) == expected


def test_the_benchmark_runs_and_prints_its_tables(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert bench_main(["--scales", "200", "--pages", "60", "--keep", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "| 200 | 20 |" in printed
    assert "## Site" in printed
    assert "PASS: cached and uncached runs print the same diagnostics" in printed


def test_the_cache_keeps_only_current_entries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = generate(tmp_path / "project", 200)
    monkeypatch.chdir(project.root)
    folder = tmp_path / "cache"
    check_text(project, Cache(folder))
    before = sorted(entry.name for entry in folder.iterdir())
    edited = project.facts_dir / "facts" / "facts-00000.yml"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    check_text(project, Cache(folder))
    after = sorted(entry.name for entry in folder.iterdir())
    assert len(after) == len(before)
    assert len(set(after) - set(before)) == 1
