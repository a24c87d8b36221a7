"""The `check` command's cached, parallel way reports exactly what the plain check reports,
re-checks only what an edit touched, and never trusts a cache entry it cannot verify."""

from __future__ import annotations

import gc
import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from bench.dataset import Dataset, generate
from generator import cache as cache_module
from generator import corpus, incremental, workers
from generator.cache import Cache
from generator.checker import Outcome, run_check
from generator.incremental import FileChecker, check_project
from generator.report import REPORTER_BY_NAME
from generator.search import CorpusIndex


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    return generate(tmp_path_factory.mktemp("incremental") / "project", 300, documents=150)


@pytest.fixture
def project(pristine: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Dataset:
    """A copy of the generated project (300 facts, 150 documents), as current directory."""
    root = tmp_path / "project"
    shutil.copytree(pristine.root, root)
    monkeypatch.chdir(root)
    return Dataset(root, pristine.facts, pristine.documents, pristine.broken)


def text(outcome: Outcome) -> str:
    return REPORTER_BY_NAME["text"](outcome)


def plain_check() -> str:
    return text(run_check(Path("corpus"), Path("facts")))


def cached_check(folder: Path, jobs: int = 1) -> str:
    return text(check_project(Path("corpus"), Path("facts"), Cache(folder), jobs))


class Calls:
    """Counts the files FileChecker parses and checks in this process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.parsed: list[str] = []
        self.checked: list[str] = []
        parse, check = FileChecker.parse, FileChecker.check

        def counting_parse(checker: FileChecker, display: str, *rest: object) -> object:
            self.parsed.append(display)
            return parse(checker, display, *rest)  # type: ignore[arg-type]

        def counting_check(checker: FileChecker, display: str, *rest: object) -> object:
            self.checked.append(display)
            return check(checker, display, *rest)  # type: ignore[arg-type]

        monkeypatch.setattr(FileChecker, "parse", counting_parse)
        monkeypatch.setattr(FileChecker, "check", counting_check)


def test_every_way_of_checking_reports_the_same(project: Dataset, tmp_path: Path) -> None:
    expected = plain_check()
    for code in ("quote-not-found", "quote-in-other-document", "value-not-in-quote"):
        assert f"[{code}]" in expected
    assert text(check_project(Path("corpus"), Path("facts"))) == expected
    assert cached_check(tmp_path / "cache") == expected  # cold: fills the cache
    assert list((tmp_path / "cache").glob("*.marshal"))
    assert cached_check(tmp_path / "cache") == expected  # warm: read from it


def test_forked_workers_report_the_same(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = plain_check()
    monkeypatch.setattr(workers, "PARALLEL_BYTES", 0)
    calls = Calls(monkeypatch)
    assert cached_check(tmp_path / "cache", jobs=2) == expected
    assert calls.parsed == calls.checked == []  # all of it done by the two workers
    assert cached_check(tmp_path / "cache", jobs=2) == expected
    assert cached_check(tmp_path / "cache") == expected  # in this process, from their entries
    assert calls.parsed == calls.checked == []


def test_after_one_edit_only_that_file_is_parsed_and_checked(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_check(tmp_path / "cache")
    edited = Path("facts/facts/facts-00001.yml")
    edited.write_text(
        edited.read_text(encoding="utf-8").replace("(synthetic fact f100)", "(edited)"), "utf-8"
    )
    calls = Calls(monkeypatch)
    assert cached_check(tmp_path / "cache") == plain_check()
    assert calls.parsed == calls.checked == [str(edited)]


def test_a_changed_country_rechecks_every_file(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cached_check(tmp_path / "cache")
    countries = Path("facts/countries.yml")
    text_before = countries.read_text(encoding="utf-8")
    first_name = text_before.split("name: ", 1)[1].split("\n", 1)[0]
    countries.write_text(text_before.replace(first_name, "Atlantis", 1), encoding="utf-8")
    calls = Calls(monkeypatch)
    after = cached_check(tmp_path / "cache")
    assert after == plain_check()
    assert "[country-not-mentioned]" in after
    assert calls.parsed == ["facts/countries.yml"]
    assert sorted(calls.checked) == sorted(str(p) for p in Path("facts").rglob("*.yml"))


def test_a_changed_document_rechecks_what_cites_it(project: Dataset, tmp_path: Path) -> None:
    cached_check(tmp_path / "cache")
    document = min(Path("corpus").glob("*.txt"))
    document.write_text("Rewritten.\n", encoding="utf-8")
    after = cached_check(tmp_path / "cache")
    assert after == plain_check()
    assert "[corpus-integrity]" in after


@pytest.mark.parametrize("damage", ["flip", "truncate", "garbage", "empty"])
def test_a_damaged_cache_entry_is_ignored(damage: str, project: Dataset, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    expected = cached_check(folder)
    for entry in folder.glob("*.marshal"):
        data = entry.read_bytes()
        damaged = {
            "flip": data[:-10] + bytes([data[-10] ^ 0xFF]) + data[-9:],
            "truncate": data[: len(data) // 2],
            "garbage": b"\x00\xff" * 100,
            "empty": b"",
        }[damage]
        entry.write_bytes(damaged)
    assert cached_check(folder) == expected
    assert cached_check(folder) == expected  # and rewritten sound


def test_entries_of_other_code_or_another_secret_are_ignored(
    project: Dataset, tmp_path: Path
) -> None:
    folder = tmp_path / "cache"
    expected = cached_check(folder)
    stranger = tmp_path / "stranger-secret"
    stranger.write_bytes(b"s" * 64)
    writers = [Cache(folder), Cache(folder, secret=stranger)]
    writers[0].key = "0" * 64
    no_findings = ([], [], None, [], 0, 0)
    for writer in writers:
        for entry in folder.glob("*.marshal"):
            writer.write(entry.name, no_findings)
        assert cached_check(folder) == expected


def test_without_a_usable_secret_nothing_is_cached(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache home should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert not Cache(tmp_path / "cache").usable
    assert cached_check(tmp_path / "cache") == plain_check()
    assert not (tmp_path / "cache").exists()


def test_the_cache_keeps_only_current_entries(project: Dataset, tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    cached_check(folder)
    before = sorted(entry.name for entry in folder.iterdir())
    edited = Path("facts/facts/facts-00000.yml")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cached_check(folder)
    after = sorted(entry.name for entry in folder.iterdir())
    assert len(after) == len(before)
    assert len(set(after) - set(before)) == 1


class Failing:
    def fail(self, number: int) -> int:
        raise ValueError(f"item {number} is bad")


def test_a_failing_worker_is_reported_not_hidden(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_BYTES", 0)
    with (
        workers.Workers(Failing(), jobs=2) as pool,
        pytest.raises(RuntimeError, match="ValueError: item 0 is bad"),
    ):
        pool.run("fail", [(0, (0,)), (1, (1,))])


def test_file_findings_survive_the_round_trip(project: Dataset) -> None:
    outcome = check_project(Path("corpus"), Path("facts"))
    checker = FileChecker(run_check(Path("corpus"), Path("facts")).context.corpus)
    path = Path("facts/facts/facts-00000.yml")
    data = checker.parse(str(path), path.read_bytes())
    again = incremental.FileFindings.from_data(data).to_data()
    assert again == data
    assert outcome.summary.facts == 300


def test_a_re_check_reads_only_the_documents_it_needs(project: Dataset, tmp_path: Path) -> None:
    cached_check(tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*-words.marshal")), "the word index is kept"
    edited = Path("facts/facts/facts-00001.yml")
    edited.write_text(edited.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    made: list[str] = []
    parsed_sources: list[bytes] = []
    from_text, parse_sources = corpus.Document.from_text, corpus._parse_sources

    def counting_from_text(doc_id: str, *rest: Any) -> corpus.Document:
        made.append(doc_id)
        return from_text(doc_id, *rest)

    def counting_parse_sources(raw: bytes, display: str) -> Any:
        parsed_sources.append(raw)
        return parse_sources(raw, display)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(corpus.Document, "from_text", counting_from_text)
        patch.setattr(corpus, "_parse_sources", counting_parse_sources)
        rechecked = cached_check(tmp_path / "cache")
    assert rechecked == plain_check()
    cited = set(re.findall(r"doc: (\S+)", edited.read_text(encoding="utf-8")))
    assert made and len(made) < project.documents
    assert set(made) >= cited  # what the file cites, and only a few to suggest from
    assert parsed_sources == []  # sources.yml came from the cache too


def test_a_re_check_recalls_why_unchanged_quotes_were_not_found(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What was concluded of a missing quote is kept for the corpus: after an edit, the
    file's old misses are not searched for again, a new one is."""
    folder = tmp_path / "cache"
    cached_check(folder)
    assert list(folder.glob("*-misses.marshal"))
    edited = Path("facts/facts/facts-00001.yml")
    lines = edited.read_text(encoding="utf-8").replace("(synthetic fact f100)", "(edited)")
    edited.write_text(lines, encoding="utf-8")
    expected = plain_check()
    searched: list[list[str]] = []
    locate_elsewhere = CorpusIndex.locate_elsewhere

    def counting(index: CorpusIndex, parts: list[str], cited: str) -> object:
        searched.append(parts)
        return locate_elsewhere(index, parts, cited)

    monkeypatch.setattr(CorpusIndex, "locate_elsewhere", counting)
    assert cached_check(folder) == expected
    assert searched == []
    quote = re.search(r"quote: '(\S+) (\S+)", lines)
    assert quote is not None
    first, second = quote.groups()
    edited.write_text(lines.replace(f"{first} {second}", f"{first} {second}x", 1), "utf-8")
    expected = plain_check()
    searched.clear()
    assert cached_check(folder) == expected
    assert len(searched) == 1
    assert f"{first} {second}x" in " ".join(searched[0])


def test_a_document_changed_after_its_check_is_not_used(project: Dataset) -> None:
    """Documents are read when first used: their bytes must still be the ones verified."""
    loaded = corpus.load_corpus(Path("corpus"), "corpus")
    first = next(iter(loaded.documents))
    Path("corpus", f"{first}.txt").write_text("Swapped after the check.\n", encoding="utf-8")
    with pytest.raises(corpus.CorpusChanged):
        loaded.documents[first]


def test_the_utf8_verdict_is_kept_by_content(project: Dataset, tmp_path: Path) -> None:
    expected = cached_check(tmp_path / "cache")
    assert (tmp_path / "cache" / "utf8.marshal").exists()
    assert cached_check(tmp_path / "cache") == expected


def test_a_document_rewritten_in_place_is_hashed_again(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Digests are reused only for files whose stat is unchanged; even a same-size rewrite
    with its modification time put back changes the inode's change time."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    folder = tmp_path / "cache"
    expected = cached_check(folder)
    assert (folder / "digests.marshal").exists()
    document = min(Path("corpus").glob("*.txt"))
    before = document.stat()
    data = document.read_bytes()
    document.write_bytes(data.replace(b"a", b"e", 1))
    os.utime(document, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert document.stat().st_size == before.st_size
    after = cached_check(folder)
    assert after != expected
    assert "[corpus-integrity]" in after
    assert after == plain_check()


def test_a_fact_file_rewritten_in_place_is_read_again(
    project: Dataset, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    folder = tmp_path / "cache"
    cached_check(folder)
    edited = Path("facts/facts/facts-00002.yml")
    before = edited.stat()
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("topic: military", "topic: militari", 1), encoding="utf-8")
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert edited.stat().st_size == before.st_size
    calls = Calls(monkeypatch)
    after = cached_check(folder)
    assert calls.parsed == [str(edited)]
    assert "[schema]" in after
    assert after == plain_check()


class Remembering:
    def __init__(self) -> None:
        self.kept: list[str] = []

    def keep(self, value: str) -> None:
        self.kept.append(value)

    def show(self, position: int) -> tuple[list[str], int]:
        return self.kept, os.getpid()


def test_each_worker_can_be_given_its_own_arguments(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workers, "PARALLEL_BYTES", 0)
    items = [(position, (position,)) for position in range(4)]
    with workers.Workers(Remembering(), jobs=2) as pool:
        pool.run("show", items)  # forks the two workers
        pool.on_each_apart("keep", [("first",), ("second",)])
        seen = pool.run("show", items)
        expected = [[("first", "second")[pool.process_of(position)]] for position in range(4)]
        with pytest.raises(ValueError):
            pool.on_each_apart("keep", [("only one",)])
    assert [kept for kept, _ in seen] == expected
    pids = [pid for _, pid in seen]
    assert pids[0] == pids[2] != pids[1] == pids[3] != os.getpid()


def test_checks_in_one_long_process_freeze_no_garbage(project: Dataset) -> None:
    """`mkdocs serve` checks again on every save; what each check leaves frozen (out of the
    collector's reach) is only what is still alive, so memory does not grow save after save."""
    plain_check()
    cached_check(project.root / "cache")
    frozen = gc.get_freeze_count()
    for _ in range(3):
        plain_check()
        cached_check(project.root / "cache")
    assert gc.get_freeze_count() - frozen < 100


def test_the_conclusions_kept_are_those_of_the_current_misses(
    project: Dataset, tmp_path: Path
) -> None:
    """A broken quote that is corrected (or broken differently) leaves the cache's record of
    misses: it holds what the fact files still miss, not all they ever missed."""
    folder = tmp_path / "cache"
    report = cached_check(folder)
    loaded = corpus.load_corpus(Path("corpus"), "corpus")

    def kept() -> set[tuple[str, ...]]:
        found = incremental.KeptSearches(Cache(folder), loaded).recalled
        return set(found or {})

    before = kept()
    miss = re.search(r"facts/facts/facts-00001\.yml:(\d+):\d+: error\[quote-not-found\]", report)
    assert miss is not None
    edited = Path("facts/facts/facts-00001.yml")
    lines = edited.read_text(encoding="utf-8").splitlines(keepends=True)
    row = int(miss.group(1)) - 1
    assert "quote: " in lines[row]
    lines[row] = lines[row].replace("quote: '", "quote: 'Indeed ", 1)
    edited.write_text("".join(lines), encoding="utf-8")
    assert cached_check(folder) == plain_check()
    after = kept()
    assert len(after) == len(before)
    (gone,) = before - after
    (new,) = after - before
    assert (new[0], new[1]) == (gone[0], "Indeed " + gone[1])  # the cited document, the quote
