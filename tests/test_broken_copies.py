"""Deliberately broken copies of the repository's own facts/ (issue 2, "Done when").

Each breakage edits text lines of a copy, so the test knows the line it broke; the line is
found from the pristine check's positions and then confirmed by its content. The facts are
curated concurrently, so nothing here names a fact: entries are picked by what they contain.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.check.pipeline import run_check
from generator.corpus.normalize import normalize, quote_parts
from generator.diagnostics import Diagnostic
from generator.load.validate import Entry
from generator.match.search import locate
from generator.model import Event, Fact
from generator.result import CheckResult

Owner = Entry[Event] | Entry[Fact]


@dataclass(frozen=True)
class Broken:
    """What one breakage must produce: its code at this line and column, for this entry."""

    code: str
    line: int
    column: int
    fragment: str
    owner_id: str
    #: The entry no longer validates, so its quotes are no longer counted.
    dropped: bool = False
    #: The entry stays, but one of its quotes no longer verifies.
    unverified: bool = False


# A breaker edits `lines` (0-based list of the file's lines) for `owner`, knowing the pristine
# check, or returns None when the entry does not lend itself to this breakage.
Breaker = Callable[[list[str], Owner, CheckResult], Broken | None]


def key_line(lines: list[str], owner: Owner, path: tuple[str | int, ...], key: str) -> int:
    """The 1-based line of `key:` at `path`, confirmed by the text found there."""
    line, column = owner.raw.at(path, key=True)
    assert lines[line - 1][column - 1 :].startswith(f"{key}:"), lines[line - 1]
    return line


def single_line_value(lines: list[str], owner: Owner, path: tuple[str | int, ...]) -> bool:
    """Whether the value at `path` is written whole on its key's line."""
    if path not in owner.raw.positions:
        return False
    line, column, key_at, key_column = owner.raw.positions[path]
    following = lines[line] if line < len(lines) else ""
    next_indent = len(following) - len(following.lstrip())
    return (
        line == key_at
        and lines[line - 1][column - 1] not in ">|"
        and (not following.strip() or next_indent < key_column or following.lstrip()[0] == "#")
    )


def break_quote_key(lines: list[str], owner: Owner, pristine: CheckResult) -> Broken | None:
    """`quote:` typed as `qoute:`."""
    line = key_line(lines, owner, ("sources", 0, "quote"), "quote")
    lines[line - 1] = lines[line - 1].replace("quote:", "qoute:", 1)
    column = lines[line - 1].index("qoute:") + 1
    return Broken("schema", line, column, "'qoute'", owner.model.id, dropped=True)


def break_quote_word(lines: list[str], owner: Owner, pristine: CheckResult) -> Broken | None:
    """A misquote: one word of a one-line quote replaced, neither its first nor its last."""
    if not single_line_value(lines, owner, ("sources", 0, "quote")):
        return None
    line, column = owner.raw.at(("sources", 0, "quote"))
    value = lines[line - 1][column - 1 :]
    words = list(re.finditer(r"(?<![\w'-])[a-z]{5,}(?![\w'-])", value))[1:-1]
    if not words:
        return None
    word = words[0]
    start = column - 1 + word.start()
    lines[line - 1] = lines[line - 1][:start] + "zanzibar" + lines[line - 1][start + len(word[0]) :]
    fragment = f"'zanzibar' → '{word[0]}'"
    return Broken("quote-not-found", line, column, fragment, owner.model.id, unverified=True)


def break_document(lines: list[str], owner: Owner, pristine: CheckResult) -> Broken | None:
    """A quote cited to the wrong document."""
    source = owner.model.sources[0]
    parts = quote_parts(normalize(source.quote))
    others = [
        doc_id
        for doc_id, document in pristine.context.corpus.documents.items()
        if doc_id != source.doc and locate(parts, document) is None
    ]
    if not others or not single_line_value(lines, owner, ("sources", 0, "doc")):
        return None
    line = key_line(lines, owner, ("sources", 0, "doc"), "doc")
    lines[line - 1] = lines[line - 1].replace(source.doc, others[0], 1)
    quote_line, column = owner.raw.at(("sources", 0, "quote"))
    fragment = f"is in {source.doc}"
    code = "quote-in-other-document"
    return Broken(code, quote_line, column, fragment, owner.model.id, unverified=True)


def break_country(lines: list[str], owner: Owner, pristine: CheckResult) -> Broken | None:
    """`countries: [NO]`, Norway's code unquoted (YAML 1.1 would read it as false)."""
    assert pristine.context.base.country("NO") is None, "expects Norway not to be in facts/"
    if not owner.model.countries or not single_line_value(lines, owner, ("countries",)):
        return None
    line, column = owner.raw.at(("countries",))
    if lines[line - 1][column - 1] != "[":
        return None
    lines[line - 1] = lines[line - 1][: column - 1] + "[NO]"
    return Broken("unknown-country", line, column + 1, "'NO'", owner.model.id)


def break_date(lines: list[str], owner: Owner, pristine: CheckResult) -> Broken | None:
    """`date: 2014-13-45`."""
    if owner.model.date is None or not single_line_value(lines, owner, ("date",)):
        return None
    line, column = owner.raw.at(("date",))
    key_line(lines, owner, ("date",), "date")
    lines[line - 1] = lines[line - 1][: column - 1] + "2014-13-45"
    return Broken("schema", line, column, "2014-13-45", owner.model.id, dropped=True)


def break_with_duplicate_key(
    lines: list[str], owner: Owner, pristine: CheckResult
) -> Broken | None:
    """A key written twice: the line of one of the entry's one-line fields, repeated."""
    for key in ("topic", "date", "place", "name"):
        if single_line_value(lines, owner, (key,)):
            line = key_line(lines, owner, (key,), key)
            lines.insert(line, lines[line - 1])
            column = owner.raw.at((key,), key=True)[1]
            return Broken("duplicate-key", line + 1, column, f"line {line}", owner.model.id)
    return None


BREAKERS: dict[str, Breaker] = {
    "typo-qoute": break_quote_key,
    "misquote": break_quote_word,
    "wrong-document": break_document,
    "unquoted-NO": break_country,
    "bad-date": break_date,
    "duplicate-key": break_with_duplicate_key,
}


def all_owners(result: CheckResult) -> list[Owner]:
    """Every valid event and fact of a check."""
    owners: list[Owner] = [*result.context.base.events, *result.context.base.facts]
    return owners


class FactsCopy:
    """The repository's corpus/ and facts/ copied into a folder, checked from there."""

    def __init__(self, repo_root: Path, folder: Path) -> None:
        shutil.copytree(repo_root / "corpus", folder / "corpus")
        shutil.copytree(repo_root / "facts", folder / "facts")
        self.baseline = self.check()
        self.target = self._busiest_file()
        path = Path(self.target)
        self.lines = path.read_text(encoding="utf-8").splitlines()

    def check(self) -> CheckResult:
        return run_check(Path("corpus"), Path("facts"))

    def owners(self, result: CheckResult | None = None) -> list[Owner]:
        everything = all_owners(result or self.baseline)
        return [owner for owner in everything if owner.raw.file == self.target]

    def _busiest_file(self) -> str:
        """The fact file with the most events and facts, preferring one with dated entries."""
        counts: dict[str, tuple[int, int]] = {}
        for owner in all_owners(self.baseline):
            dated, total = counts.get(owner.raw.file, (0, 0))
            counts[owner.raw.file] = (min(1, dated + (owner.model.date is not None)), total + 1)
        assert counts, "facts/ holds no events or facts to break"
        return max(sorted(counts), key=lambda name: counts[name])

    def sound_owners(self) -> list[Owner]:
        """Entries of the target file that check clean, with every quote verified."""
        flagged = {item.id for item in self.baseline.diagnostics}
        verified = {id(quote.owner) for quote in self.baseline.context.quotes if quote.verified}
        failed = {id(quote.owner) for quote in self.baseline.context.quotes if not quote.verified}
        return [
            owner
            for owner in self.owners()
            if owner.model.id not in flagged and id(owner) in verified - failed
        ]

    def apply(self, breaker: Breaker, skip: set[str], *, last: bool = False) -> Broken:
        """Break the first (or last) sound entry not in `skip` that lends itself to it."""
        owners = self.sound_owners()
        for owner in reversed(owners) if last else owners:
            if owner.model.id in skip:
                continue
            broken = breaker(self.lines, owner, self.baseline)
            if broken is not None:
                return broken
        raise AssertionError(f"no entry of {self.target} can take {breaker.__doc__}")

    def write(self) -> None:
        Path(self.target).write_text("\n".join(self.lines) + "\n", encoding="utf-8")


@pytest.fixture
def facts_copy(repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FactsCopy:
    monkeypatch.chdir(tmp_path)
    return FactsCopy(repo_root, tmp_path)


def new_diagnostics(copy: FactsCopy, result: CheckResult) -> list[Diagnostic]:
    before = set(copy.baseline.diagnostics)
    return [item for item in result.diagnostics if item not in before]


def sources_of(copy: FactsCopy, owner_id: str) -> int:
    return next(len(o.model.sources) for o in copy.owners() if o.model.id == owner_id)


def assert_reported(broken: Broken, found: list[Diagnostic], target: str) -> None:
    places = [(item.code, item.file, item.line, item.column) for item in found]
    assert (broken.code, target, broken.line, broken.column) in places, places
    item = next(item for item in found if (item.code, item.line) == (broken.code, broken.line))
    assert broken.fragment in item.message
    assert item.id == broken.owner_id


@pytest.mark.parametrize("kind", BREAKERS)
def test_each_breakage_is_reported_at_its_line(facts_copy: FactsCopy, kind: str) -> None:
    broken = facts_copy.apply(BREAKERS[kind], skip=set())
    facts_copy.write()
    result = facts_copy.check()
    found = new_diagnostics(facts_copy, result)
    assert_reported(broken, found, facts_copy.target)
    assert {item.id for item in found} == {broken.owner_id}, "only the broken entry is affected"
    before, after = facts_copy.baseline.summary, result.summary
    lost = sources_of(facts_copy, broken.owner_id) if broken.dropped else 0
    assert after.quotes == before.quotes - lost
    assert after.quotes_verified == before.quotes_verified - lost - broken.unverified
    assert len(facts_copy.owners(result)) == len(facts_copy.owners()) - broken.dropped


def test_every_breakage_in_one_file_is_reported(facts_copy: FactsCopy) -> None:
    # The duplicate key inserts a line: break the last entry that takes it, then the others.
    duplicate = facts_copy.apply(break_with_duplicate_key, skip=set(), last=True)
    done = [duplicate]
    for kind, breaker in BREAKERS.items():
        if kind != "duplicate-key":
            done.append(facts_copy.apply(breaker, skip={item.owner_id for item in done}))
    assert all(item.line < duplicate.line for item in done[1:]), "the insertion shifts no line"
    facts_copy.write()
    result = facts_copy.check()
    found = new_diagnostics(facts_copy, result)
    for broken in done:
        assert_reported(broken, found, facts_copy.target)
    broken_ids = {item.owner_id for item in done}
    assert {item.id for item in found} == broken_ids
    intact = [o for o in facts_copy.owners(result) if o.model.id not in broken_ids]
    verified = {id(quote.owner) for quote in result.context.quotes if quote.verified}
    assert len(intact) == len(facts_copy.owners()) - len(broken_ids)
    assert all(id(owner) in verified for owner in intact)


def test_unquoted_NO_stays_the_code_NO(facts_copy: FactsCopy) -> None:
    broken = facts_copy.apply(break_country, skip=set())
    facts_copy.write()
    Path("facts/norway.yml").write_text(
        "countries:\n  - code: NO\n    name: Norway\n", encoding="utf-8"
    )
    result = facts_copy.check()
    owner = next(o for o in facts_copy.owners(result) if o.model.id == broken.owner_id)
    assert owner.model.countries == ["NO"]
    country = result.context.base.country("NO")
    assert country is not None
    assert country.name == "Norway"
    errors = [item for item in new_diagnostics(facts_copy, result) if item.severity == "error"]
    assert errors == []
