"""Example folders: tests/cases/positive/* check clean, tests/cases/negative/* fail as expected.

A case is a `facts/` folder checked against a copy of the real corpus (or of its own `corpus/`,
for forms the real one lacks). A negative case is named
by the code it must produce (`<code>[-variant]`) and holds an `expected.yml`:

    corpus_edits:              # optional: change the corpus copy first
      NAME.txt: {replace: OLD, with: NEW} | {delete: true} | {write: TEXT}
    exit: 1                    # optional (default 1), and exit_strict (default: exit)
    diagnostics:               # exactly these, in this order
      - {code: CODE, file: facts/x.yml, line: N, column: N, message: [SUBSTRING, ...]}

`line_of: TEXT` may stand for `line:`: the first line of `file` that contains TEXT.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.check.pipeline import run_check
from generator.diagnostics import CODES
from generator.result import CheckResult

CASES = Path(__file__).parent / "cases"
POSITIVE = sorted((CASES / "positive").iterdir())
NEGATIVE = sorted((CASES / "negative").iterdir())


def check_case(case: Path, root: Path, tmp_path: Path, edits: dict[str, Any]) -> CheckResult:
    """Check the case's facts/ against a copy of the real corpus (or of the case's own
    `corpus/`, when it has one), from tmp_path."""
    shutil.copytree(case / "facts", tmp_path / "facts")
    own = case / "corpus"
    shutil.copytree(own if own.is_dir() else root / "corpus", tmp_path / "corpus")
    for name, edit in edits.items():
        edit_corpus_file(tmp_path / "corpus" / name, edit)
    return run_check(Path("corpus"), Path("facts"))


def edit_corpus_file(path: Path, edit: dict[str, Any]) -> None:
    if edit.get("delete"):
        path.unlink()
    elif "write" in edit:
        path.write_text(edit["write"], encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"{path.name} does not contain {edit['replace']!r}"
        path.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8")


def expected_line(entry: dict[str, Any], tmp_path: Path) -> int:
    if "line" in entry:
        return int(entry["line"])
    lines = (tmp_path / entry["file"]).read_text(encoding="utf-8").splitlines()
    return next(number for number, text in enumerate(lines, 1) if entry["line_of"] in text)


@pytest.mark.parametrize("case", POSITIVE, ids=lambda case: case.name)
def test_positive_case_checks_clean(
    case: Path, repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = check_case(case, repo_root, tmp_path, {})
    assert [item.to_dict() for item in result.diagnostics] == []
    assert result.exit_code(strict=True) == 0
    assert result.summary.quotes > 0
    assert result.summary.quotes_verified == result.summary.quotes


@pytest.mark.parametrize("case", NEGATIVE, ids=lambda case: case.name)
def test_negative_case_reports_its_code(
    case: Path, repo_root: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = yaml.safe_load((case / "expected.yml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    result = check_case(case, repo_root, tmp_path, expected.get("corpus_edits", {}))

    wanted = [
        (entry["code"], entry["file"], expected_line(entry, tmp_path), entry["column"])
        for entry in expected["diagnostics"]
    ]
    found = [(item.code, item.file, item.line, item.column) for item in result.diagnostics]
    assert found == wanted, "\n".join(item.message for item in result.diagnostics)
    for entry, item in zip(expected["diagnostics"], result.diagnostics, strict=True):
        for fragment in entry.get("message", []):
            assert fragment in item.message
    assert case.name.startswith(case_code(case)), "a negative case is named by its code"
    assert case_code(case) in {code for code, *_ in found}
    assert result.exit_code() == expected.get("exit", 1)
    assert result.exit_code(strict=True) == expected.get("exit_strict", expected.get("exit", 1))


def case_code(case: Path) -> str:
    """The diagnostic code a negative case is named by: the longest code its name starts with."""
    matching = [code for code in CODES if case.name == code or case.name.startswith(f"{code}-")]
    assert matching, f"{case.name} is not named by a diagnostic code"
    return max(matching, key=len)


# The table of SPEC.md ("The checker"): code -> severity.
SPEC_CODES = {
    "yaml-syntax": "error",
    "duplicate-key": "error",
    "schema": "error",
    "duplicate-id": "error",
    "unknown-country": "error",
    "unknown-event": "error",
    "unknown-document": "error",
    "corpus-integrity": "error",
    "quote-too-short": "error",
    "quote-not-found": "error",
    "quote-in-other-document": "error",
    "value-not-in-quote": "error",
    "value-qualifier-missing": "error",
    "value-key-not-in-quote": "warning",
    "claim-number-unsupported": "error",
    "country-not-mentioned": "warning",
    "date-unsupported": "error",
}


def test_the_checker_knows_the_codes_of_the_contract() -> None:
    assert {code: severity.value for code, (severity, _) in CODES.items()} == SPEC_CODES


def test_every_code_of_the_contract_has_a_negative_case() -> None:
    covered = {case_code(case) for case in NEGATIVE}
    assert covered == set(SPEC_CODES)
