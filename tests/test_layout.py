"""The package's layout is a rule: the check's core knows nothing of caches or processes.

`load/`, `corpus/`, `match/` and `check/` are the pipeline; `incremental/` wraps its stage
functions from outside (memoised by key, mapped over workers). A module of the core that
imports `incremental` (or any cache) would pull the speed back into the core.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
CORE = ["load", "corpus", "match", "check"]
FORBIDDEN = ("generator.incremental", "generator.cache")


def imported(module: Path) -> list[str]:
    """Every module name `module` imports, anywhere in it (in functions too)."""
    names: list[str] = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.append(node.module)
            names.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def core_modules() -> list[Path]:
    return sorted(path for folder in CORE for path in (PACKAGE / folder).rglob("*.py"))


@pytest.mark.parametrize("module", core_modules(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_the_core_imports_no_cache(module: Path) -> None:
    found = [
        name
        for name in imported(module)
        if name.startswith(FORBIDDEN) or name.split(".")[-1] in {"incremental", "cache", "store"}
    ]
    assert found == [], f"{module.relative_to(PACKAGE)} imports {found}"


def test_the_walk_sees_an_import_of_the_cache(tmp_path: Path) -> None:
    """The test above would fail on such an import, written any of the usual ways."""
    for line in (
        "from generator.incremental.store import Cache",
        "import generator.incremental.keys",
        "from generator import incremental",
        "def f():\n    from generator.incremental import workers",
    ):
        module = tmp_path / "module.py"
        module.write_text(line + "\n", encoding="utf-8")
        assert any(
            name.startswith(FORBIDDEN) or name.split(".")[-1] == "incremental"
            for name in imported(module)
        ), line


def test_the_core_is_all_there() -> None:
    assert {path.parent.name for path in core_modules()} >= {*CORE, "rules"}
