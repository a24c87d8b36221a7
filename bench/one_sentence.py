"""The site build when many facts cite one sentence: it must stay linear in the facts.

Every fact cites the same sentence of one document, so that sentence's line on the source page
links to all of them, and one country page lists them all (issue 14: the build was quadratic,
38,632 facts took 195 s).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from bench.facts_gen import letters
from bench.measure import measure_figures
from bench.site_bench import DRIVER, REPO, SiteFigures

DOC = "001_45c1c8414a270103"
QUOTE = "Australia said it would provide eight aircraft and 600 personnel to help combat IS."


#: Facts a file: a fact file is refused past 5 MB (about 20,000 of these facts).
PER_FILE = 5_000


def write_one_sentence(root: Path, facts: int) -> None:
    """The real corpus, and `facts` facts of one country, each citing the same sentence (in
    files of PER_FILE facts)."""
    shutil.copytree(REPO / "corpus", root / "corpus", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs", root / "docs", dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "facts").mkdir(parents=True, exist_ok=True)
    country = ["countries:", "  - code: AU", "    name: Australia"]
    (root / "facts" / "countries.yml").write_text("\n".join(country) + "\n", encoding="utf-8")
    for first in range(0, facts, PER_FILE):
        lines = ["facts:"]
        for index in range(first, min(first + PER_FILE, facts)):
            lines += [
                f"  - id: fact-{index}",
                "    countries: [AU]",
                "    topic: military",
                f"    claim: Australia pledged eight aircraft (fact {letters(index)}).",
                "    sources:",
                f"      - doc: {DOC}",
                f"        quote: {QUOTE}",
            ]
        name = f"one-sentence-{first // PER_FILE:03d}.yml"
        (root / "facts" / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_one_sentence(root: Path, facts: int) -> tuple[int, SiteFigures]:
    """`mkdocs build` of `facts` facts citing one sentence: (facts, its figures)."""
    write_one_sentence(root, facts)
    command = [sys.executable, "-c", DRIVER, str(root / "site")]
    what = f"mkdocs build of {facts} facts citing one sentence"
    run, spent = measure_figures(command, root, "BENCH", what)
    built = sum(1 for _ in (root / "site").rglob("*.html"))
    figures = SiteFigures(
        built, run.seconds, run.peak_mb, spent["check"], spent["pages"], spent["total"]
    )
    return facts, figures


def one_sentence_table(rows: list[tuple[int, SiteFigures]]) -> str:
    lines = [
        "| facts citing one sentence | mkdocs build (wall) | per 1,000 facts | of which: check "
        "| page generation | peak memory |",
        "|---:|---:|---:|---:|---:|---:|",
    ]
    for facts, row in rows:
        lines.append(
            f"| {facts:,} | {row.build_seconds:.2f} s | {1000 * row.build_seconds / facts:.2f} s "
            f"| {row.check_seconds:.2f} s | {row.pages_seconds:.2f} s | {row.peak_mb:,.0f} MB |"
        )
    return "\n".join(lines)


def one_sentence_verdict(rows: list[tuple[int, SiteFigures]]) -> list[str]:
    """Linear: the largest build costs at most 1.5 times as much per fact as the smallest."""
    if len(rows) < 2:
        return []
    (few, small), (many, big) = min(rows, key=lambda r: r[0]), max(rows, key=lambda r: r[0])
    growth = (big.build_seconds / many) / (small.build_seconds / few)
    held = growth <= 1.5
    text = (
        f"the build stays linear when many facts cite one sentence: {many:,} facts cost "
        f"{growth:.2f}x as much per fact as {few:,} (target <= 1.5x)"
    )
    return [f"- {'PASS' if held else 'MISS'}: {text}"]
