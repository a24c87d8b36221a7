"""The checker's figures at one scale: cold and warm check, and the two peers it is held to."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.dataset import Dataset, generate_apart
from bench.measure import Run, measure, measure_figures
from generator.incremental.store import RACY_NS
from generator.load.schema import fact_schema_text

REPO = Path(__file__).resolve().parent.parent

# PyYAML's C loader alone on the same fact files, the garbage collector paused.
YAML_ONLY = """
import gc, pathlib, sys, yaml
gc.disable()
for path in sorted(pathlib.Path(sys.argv[1]).rglob("*.yml")):
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
"""


@dataclass(frozen=True, slots=True)
class NearMiss:
    """What the quotes check spent on the quotes not in the document they cite."""

    misses: int
    seconds: float
    #: Of `seconds`: looking for the quotes in the other documents.
    elsewhere_seconds: float
    #: Building the corpus's word index, before (once for all misses).
    index_seconds: float
    #: One miss's cost: the median, the 99th percentile and the most (in seconds).
    median: float = 0.0
    p99: float = 0.0
    most: float = 0.0

    def each(self, seconds: float) -> float:
        """`seconds` spread over the misses, in µs."""
        return seconds / self.misses * 1e6 if self.misses else 0.0


@dataclass(frozen=True, slots=True)
class CheckFigures:
    #: The corpus's kind (see `bench.corpus_kinds`).
    kind: str
    dataset: Dataset
    generate_seconds: float
    cold: Run
    warm: Run
    uncached: Run | None
    pyyaml: Run
    jsonschema: Run | None
    same_output: bool
    near_miss: NearMiss


def bench_checker(
    root: Path, facts: int, peers: bool = True, kind: str = "news", *, jsonschema: bool = True
) -> CheckFigures:
    """Generate `facts` facts over a corpus of the kind `kind` into `root` and time the check
    on them, and (if `peers`) the uncached check and (if `jsonschema` too) check-jsonschema."""
    start = time.perf_counter()
    dataset = generate_apart(root, facts, kind=kind)
    generated = time.perf_counter() - start
    # A curator's files were not written in the last seconds; files this new are "racy" (the
    # cache would hash them again on the next run, as it must for a file changed in the same
    # clock tick as its hashing), which would misstate the re-check.
    time.sleep(RACY_NS / 1e9)
    check = [sys.executable, "-m", "generator", "check", "--cache-dir", str(root / "cache")]
    cold = measure(check, root)
    _edit_one_fact_file(dataset)
    warm = measure(check, root)
    uncached = measure([*check, "--no-cache"], root) if peers else None
    pyyaml = measure([sys.executable, "-c", YAML_ONLY, "facts"], root)
    schema_only = _check_jsonschema(dataset) if peers and jsonschema else None
    same = uncached is None or uncached.stdout == warm.stdout
    near_miss = _near_miss(root)
    return CheckFigures(
        kind, dataset, generated, cold, warm, uncached, pyyaml, schema_only, same, near_miss
    )


def _near_miss(root: Path) -> NearMiss:
    command = [sys.executable, str(REPO / "bench" / "nearmiss.py")]
    _, figures = measure_figures(command, root, "NEARMISS", "timing the near misses")
    return NearMiss(
        figures["misses"],
        figures["seconds"],
        figures["elsewhere_seconds"],
        figures["index_seconds"],
        figures["median"],
        figures["p99"],
        figures["max"],
    )


def _edit_one_fact_file(dataset: Dataset) -> None:
    """A curator's save: one claim of one fact file reworded."""
    path = min((dataset.facts_dir / "facts").glob("*.yml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("(synthetic fact b)", "(synthetic fact b, edited)"), "utf-8")


def _check_jsonschema(dataset: Dataset) -> Run:
    schema = REPO / "schema" / "facts.schema.json"
    if not schema.is_file():
        schema = dataset.root / "facts.schema.json"
        schema.write_text(fact_schema_text(), encoding="utf-8")
    files = sorted(str(path) for path in dataset.facts_dir.rglob("*.yml"))
    tool = Path(sys.executable).with_name("check-jsonschema")
    return measure([str(tool), "--schemafile", str(schema), *files], dataset.root)
