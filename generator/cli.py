"""The command line: parse options, call the core, return its exit code."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.checker import run_check
from generator.report import REPORTER_BY_NAME

EXIT_CODES = """exit status:
  0  no errors (warnings allowed unless --strict)
  1  errors found (or warnings, with --strict)
  2  the command could not run (bad path, bad option)"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Verified fact sheets: check YAML facts against a corpus of sources.",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="prove every quote and reference of the facts against the corpus",
        description=(
            "Check every fact file under --facts against the documents under --corpus: "
            "YAML and schema, references, quotes (in the cited document, after "
            "normalisation), values and country mentions. Every problem is reported, "
            "in file, line, column order."
        ),
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_folder_options(check)
    check.add_argument(
        "--format",
        choices=sorted(REPORTER_BY_NAME),
        default="text",
        help="text: FILE:LINE:COL: SEVERITY[CODE] MESSAGE lines and a summary; "
        "json: one object with summary and diagnostics; "
        "github: GitHub Actions ::error/::warning commands (default: text)",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(handler=run_check_command)
    return parser


def add_folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus/)"
    )
    parser.add_argument(
        "--facts", type=Path, default=Path("facts"), help="facts folder (default: facts/)"
    )


def run_check_command(options: argparse.Namespace) -> int:
    for name in ("corpus", "facts"):
        folder: Path = getattr(options, name)
        if not folder.is_dir():
            print(f"error: --{name} {folder} is not a folder", file=sys.stderr)
            return 2
    result = run_check(options.corpus, options.facts)
    sys.stdout.write(REPORTER_BY_NAME[options.format](result))
    return result.exit_code(strict=options.strict)


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    handler = options.handler
    return int(handler(options))
