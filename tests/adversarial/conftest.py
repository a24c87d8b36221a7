"""Fixtures of the adversarial suite: a workspace per test, and both YAML parsers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .workspace import Workspace, use_pure_python_parser


@pytest.fixture
def workspace(tmp_path: Path) -> Workspace:
    return Workspace(tmp_path)


@pytest.fixture(params=["libyaml", "pure-python"])
def either_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run the loader with libyaml (the default) and with PyYAML's pure-Python parser.

    Both are real parsers: the loader must give the same verdict whichever one is installed.
    """
    if request.param == "pure-python":
        use_pure_python_parser(monkeypatch)
    yield str(request.param)
