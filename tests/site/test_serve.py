"""`make serve` (`mkdocs serve`) for real: a curator's save is rebuilt and served; a save that
fails the check is reported at its lines, in the log and on the page the browser shows (with
the diagnostics), and the real page is served again once it is fixed."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.site.conftest import small_facts, write_config

CLAIM = "Australia pledged combat aircraft and 600 personnel."
PAGE = "countries/au.html"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.25)
    raise AssertionError(f"waited {seconds:.0f} s for {what}")


class Server:
    def __init__(self, process: subprocess.Popen[str], url: str, log: Path) -> None:
        self.process, self.url, self.log = process, url, log

    def page(self) -> str:
        return fetch(self.url + PAGE) or ""

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    config = write_config(tmp_path, small_facts(tmp_path))
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as stream:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
            stdout=stream,
            stderr=subprocess.STDOUT,
            text=True,
        )
    running = Server(process, f"http://127.0.0.1:{port}/", log)
    try:
        wait_for(lambda: CLAIM in running.page(), "the first build to be served")
        yield running
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_saved_fact_is_rebuilt_and_a_failing_save_is_reported_until_fixed(
    server: Server, tmp_path: Path
) -> None:
    facts = tmp_path / "facts" / "facts.yml"
    good = facts.read_text(encoding="utf-8")

    facts.write_text(good.replace(CLAIM, "Australia pledged eight aircraft."), encoding="utf-8")
    wait_for(lambda: "Australia pledged eight aircraft." in server.page(), "the edit to be served")

    broken = good.replace("provide eight aircraft", "provide nine aircraft")
    facts.write_text(broken, encoding="utf-8")
    wait_for(lambda: "do not pass the check" in server.output(), "the failed check to be logged")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "nine aircraft" in text)
    assert f"facts.yml:{line}:16: error[quote-not-found]" in server.output()
    assert "'nine' → 'eight'" in server.output()
    assert server.process.poll() is None
    wait_for(lambda: "do not pass the check" in server.page(), "the error page to be served")
    shown = server.page()
    assert f"facts.yml:{line}:16: error[quote-not-found]" in shown
    assert "livereload" in shown  # the page reloads by itself after the next build
    assert CLAIM not in shown

    facts.write_text(good, encoding="utf-8")
    wait_for(lambda: CLAIM in server.page(), "the fixed file to be served")
    assert server.process.poll() is None
