"""Many facts citing one sentence keep the site's assembly linear in the facts.

Each fact citing a sentence was looked for among the sentence's earlier citers, one by one, so
38,632 facts citing one sentence took 195 s to build. Four times the facts must now cost about
four times the time (a quadratic step costs sixteen); `make bench` measures the whole build of
this shape at up to 40,000 facts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from bench.one_sentence import write_one_sentence
from generator.check.pipeline import run_check
from generator.site.assemble import build_site


def assembly_seconds(root: Path, facts: int) -> float:
    write_one_sentence(root, facts)
    cwd = Path.cwd()
    os.chdir(root)
    try:
        result = run_check(Path("corpus"), Path("facts"))
    finally:
        os.chdir(cwd)
    assert result.summary.errors == 0
    timings = []
    for _ in range(3):
        start = time.perf_counter()
        site = build_site(result)
        timings.append(time.perf_counter() - start)
    [source] = [view for view in site.sources.values() if view.citations]
    assert source.citations == facts
    return min(timings)


def test_four_times_the_facts_cost_about_four_times_the_assembly(tmp_path: Path) -> None:
    few = assembly_seconds(tmp_path / "few", 1_000)
    many = assembly_seconds(tmp_path / "many", 4_000)
    assert many / few < 8, f"1,000 facts: {few:.3f} s, 4,000 facts: {many:.3f} s"
