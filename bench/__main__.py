"""`python -m bench`: the figures of issue 7 at chosen scales, printed as tables."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench.checker_bench import CheckFigures, bench_checker
from bench.corpus_kinds import KINDS
from bench.one_sentence import bench_one_sentence, one_sentence_table, one_sentence_verdict
from bench.site_bench import SiteFigures, bench_site
from bench.table import checker_table, site_table, verdicts

SCALES = [1_000, 10_000, 100_000]
PAGES = [100, 500, 1_000, 5_000]
ONE_SENTENCE = [5_000, 10_000, 20_000, 40_000]


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--scales",
        type=int,
        nargs="*",
        default=SCALES,
        metavar="FACTS",
        help="fact counts to check (default: 1000 10000 100000)",
    )
    parser.add_argument(
        "--pages",
        type=int,
        nargs="*",
        default=PAGES,
        metavar="PAGES",
        help="site sizes to build (default: 100 500 1000 5000)",
    )
    parser.add_argument(
        "--one-sentence",
        type=int,
        nargs="*",
        default=ONE_SENTENCE,
        metavar="FACTS",
        help="fact counts for sites where every fact cites one sentence "
        "(default: 5000 10000 20000 40000)",
    )
    parser.add_argument(
        "--corpora",
        nargs="*",
        choices=KINDS,
        default=list(KINDS),
        metavar="KIND",
        help="corpora to check against: news (templated news sentences), repetitive (a few "
        "dozen content words, boilerplate), prose (English prose found on this machine); "
        "default: all three (check-jsonschema runs on the first only; issue 20's ratio is "
        "of the --no-cache check, as the issue measured it)",
    )
    parser.add_argument(
        "--no-peers",
        action="store_true",
        help="time neither check-jsonschema nor the uncached check (the slowest figures)",
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="small scales only (1000 facts, 100 and 500 pages, 1000 and 2000 facts citing "
        "one sentence), no peers",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        metavar="DIR",
        help="generate into DIR and keep it (default: a temporary folder)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = parse(argv)
    scales = [1_000] if options.quick else options.scales
    pages = [100, 500] if options.quick else options.pages
    one_sentence = [1_000, 2_000] if options.quick else options.one_sentence
    with tempfile.TemporaryDirectory(prefix="factsheet-bench-") as temporary:
        root = options.keep or Path(temporary)
        checks: list[CheckFigures] = []
        for number, kind in enumerate(options.corpora):
            for facts in scales:
                peers = not (options.quick or options.no_peers)
                folder = root / (f"check-{facts}" if kind == "news" else f"check-{kind}-{facts}")
                checks.append(bench_checker(folder, facts, peers, kind, jsonschema=number == 0))
                print(f"checked {facts:,} facts ({kind})", flush=True)
        sites: list[SiteFigures] = []
        if pages:  # a first build compiles the templates into the user's cache: not measured
            bench_site(root / "site-warm-up", min(pages))
        for count in pages:
            sites.append(bench_site(root / f"site-{count}", count))
            print(f"built {count:,} pages", flush=True)
        cited = [bench_one_sentence(root / f"one-sentence-{n}", n) for n in one_sentence]
    print("\n## Checker\n\n" + checker_table(checks))
    print("\n## Site\n\n" + site_table(sites))
    if cited:
        print("\n## Many facts citing one sentence\n\n" + one_sentence_table(cited))
    targets = verdicts(checks, sites) + one_sentence_verdict(cited)
    print("\n## Targets\n\n" + "\n".join(targets))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
