"""Editor support: schema/facts.schema.json is current, and it accepts exactly our facts."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from generator.load.schema import fact_schema_text

from .conftest import REPO_ROOT

SCHEMA = REPO_ROOT / "schema" / "facts.schema.json"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


def fact_files() -> list[Path]:
    return sorted((REPO_ROOT / "facts").rglob("*.yml"))


def check_jsonschema(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CHECK_JSONSCHEMA), "--schemafile", str(SCHEMA), *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == fact_schema_text(), (
        "schema/facts.schema.json is stale: run `python -m generator schema --write`"
    )


def test_the_schema_command_prints_it() -> None:
    printed = subprocess.run(
        [sys.executable, "-m", "generator", "schema"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert printed.stdout == fact_schema_text()


def test_every_fact_file_points_editors_at_the_schema() -> None:
    for path in fact_files():
        relative = Path(os.path.relpath(SCHEMA, path.parent)).as_posix()
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={relative}", path


def test_check_jsonschema_accepts_the_repository_facts() -> None:
    result = check_jsonschema(*fact_files())
    assert result.returncode == 0, result.stdout + result.stderr


def test_check_jsonschema_rejects_a_misspelled_key(tmp_path: Path) -> None:
    good = (REPO_ROOT / "facts" / "military.yml").read_text(encoding="utf-8")
    bad = tmp_path / "military.yml"
    bad.write_text(good.replace("        quote:", "        qoute:", 1), encoding="utf-8")

    result = check_jsonschema(bad)

    assert result.returncode == 1
    assert "'qoute' was unexpected" in result.stdout


def test_values_may_be_written_with_thousands_separators(tmp_path: Path) -> None:
    """`27,600` is a string to YAML readers but a number to the checker: editors must agree."""
    fact = (
        "facts:\n  - id: a-b\n    countries: [AU]\n    topic: military\n    claim: x\n"
        "    sources:\n      - doc: d\n        quote: one two three four five\n"
        "        values:\n          troops: {troops}\n          aircraft: 8\n"
    )
    written, wrong = tmp_path / "written.yml", tmp_path / "wrong.yml"
    written.write_text(fact.replace("{troops}", "27,600"), encoding="utf-8")
    wrong.write_text(fact.replace("{troops}", "27.600"), encoding="utf-8")

    assert check_jsonschema(written).returncode == 0
    assert check_jsonschema(wrong).returncode == 1


def test_dates_may_be_a_day_a_month_or_a_year(tmp_path: Path) -> None:
    """`date: 2014` is an integer to YAML readers but a year to the checker: editors agree."""
    event = (
        "events:\n  - id: a-b\n    name: x\n    date: {date}\n"
        "    sources:\n      - doc: d\n        quote: one two three four five\n"
    )
    for date, code in [("2014-09-15", 0), ("2014-09", 0), ("2014", 0), ("2014-9", 1), ("14", 1)]:
        path = tmp_path / f"events-{date}.yml"
        path.write_text(event.replace("{date}", date), encoding="utf-8")
        assert check_jsonschema(path).returncode == code, date
