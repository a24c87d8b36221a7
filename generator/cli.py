"""The command line: parse options, call the core, return its exit code."""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import ModuleType

from generator.authoring.pr_check import report, review_against, summary_path
from generator.authoring.revisions import GitError
from generator.corpus.documents import CorpusChanged
from generator.incremental.places import default_cache_folder
from generator.incremental.project import check_project
from generator.incremental.store import Cache
from generator.incremental.workers import available_cores
from generator.progress import progress_shown
from generator.report import REPORTER_BY_NAME

EXIT_CODES = """exit status:
  0  no errors (warnings allowed unless --strict)
  1  errors found (or warnings, with --strict)
  2  the command could not run (bad path, bad option, a corpus document changed meanwhile)"""

EXAMPLES = """examples:
  python -m generator check                       prove every fact of facts/ against corpus/
  python -m generator quote eight aircraft        find a sentence to quote, ready to paste
  python -m generator fix                         show typo fixes for quotes (fix --write applies)
  python -m generator diff origin/main            facts added, changed, removed since main
  python -m generator schema --write              regenerate schema/facts.schema.json
  python -m generator audit site                  scan the built site for anything that runs
  python -m generator add page.html --url URL     add a saved article to the corpus
  python -m generator export-docs build/docs      the generated pages, for any builder"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Verified fact sheets: check YAML facts against a corpus of sources.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    check = commands.add_parser(
        "check",
        help="prove every quote and reference of the facts against the corpus",
        description=(
            "Check every fact file under --facts against the documents under --corpus: "
            "YAML and schema, references, quotes (in the cited document, after "
            "normalisation), values and country mentions. Every problem is reported, "
            "in file, line, column order. On a terminal, a check that runs for more than two "
            "seconds shows its progress on stderr (never in a pipe, a file or with CI set; "
            "FACTSHEET_PROGRESS_DELAY=SECONDS changes the wait)."
        ),
        epilog=CHECK_EXAMPLES + "\n\n" + EXIT_CODES,
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
    check.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help="where each fact file's findings and the normalised documents are kept by "
        "content hash, so a re-check only checks what changed; safe to delete; entries are "
        "signed with a secret of yours (in ~/.cache/factsheet) and others are ignored; no "
        "link in it is followed (default: a folder of this checkout's own in "
        "$XDG_CACHE_HOME/factsheet/checks, or ~/.cache/...; never inside the project)",
    )
    check.add_argument(
        "--no-cache", action="store_true", help="check everything afresh; read and write no cache"
    )
    check.add_argument(
        "--jobs",
        type=positive,
        default=available_cores(),
        metavar="N",
        help="check large fact bases on N processes, at most the number of cores (here "
        f"{available_cores()}, the default); 1 checks in this process",
    )
    add_review_options(check)
    check.set_defaults(handler=run_check_command)
    add_diff_command(commands)
    add_quote_command(commands)
    add_fix_command(commands)
    add_schema_command(commands)
    add_audit_command(commands)
    add_add_command(commands)
    add_export_command(commands)
    return parser


CHECK_EXAMPLES = """examples:
  python -m generator check
  python -m generator check --format json > report.json
  python -m generator check --format github --changed-from origin/main   (in a pull request)"""


def add_review_options(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--changed-from",
        metavar="REV",
        help="a pull request's base revision: annotations on lines changed since REV come "
        "first, and the job summary lists the facts added, changed or removed",
    )
    check.add_argument(
        "--summary",
        type=Path,
        metavar="FILE",
        help="append a Markdown summary to FILE (with --format github, "
        "$GITHUB_STEP_SUMMARY when it is set)",
    )


def add_diff_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    diff = commands.add_parser(
        "diff",
        help="the facts, events and countries added, removed and changed between revisions",
        description="Compare the facts at two git revisions by id. An added entry is shown "
        "with its documents and quotes; a changed value with its changed words marked "
        "[-old-]{+new+} (~~old~~ **new** in Markdown), a single word old → new; sources are "
        "named as the checker names them. HEAD omitted: compare with the working tree.",
        epilog="examples:\n  python -m generator diff origin/main\n"
        "  python -m generator diff v1.0 HEAD --format markdown\n\n"
        "exit status:\n  0  the difference was printed\n  2  git could not read a revision",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    diff.add_argument("base", metavar="BASE", help="the revision to compare from")
    diff.add_argument("head", metavar="HEAD", nargs="?", help="default: the working tree")
    diff.add_argument("--facts", type=Path, default=Path("facts"), help="default: facts/")
    diff.add_argument("--format", choices=["text", "markdown"], default="text")
    diff.set_defaults(handler=lambda o: authoring().run_diff(o.base, o.head, o.facts, o.format))


def add_quote_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    quote = commands.add_parser(
        "quote",
        help="find corpus sentences holding some words, with a sources: entry to paste",
        description="Search the corpus for sentences holding every word given (whole words, "
        "any case, after normalisation); print each with its document, paragraph and "
        "sentence, and a ready-to-paste YAML sources: entry.",
        epilog="examples:\n  python -m generator quote eight aircraft 600\n"
        "  python -m generator quote Abbott --doc 003_f8e25e88ba0ab80b\n\n"
        "exit status:\n  0  sentences found\n  1  no sentence holds all the words\n"
        "  2  the command could not run (bad path, unknown --doc)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    quote.add_argument("words", metavar="TEXT", nargs="+", help="words the sentence holds")
    quote.add_argument("--doc", metavar="ID", help="search one document only")
    quote.add_argument(
        "--limit",
        type=positive,
        default=20,
        metavar="N",
        help="most sentences shown, 1 or more (20)",
    )
    quote.add_argument("--corpus", type=Path, default=Path("corpus"), help="default: corpus/")
    quote.set_defaults(handler=lambda o: authoring().run_quote(o.corpus, o.words, o.doc, o.limit))


def add_fix_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    fix = commands.add_parser(
        "fix",
        help="replace mistyped quotes with the exact corpus text and bare values with the "
        "quote's qualified form (a diff; --write applies)",
        description="For each quote that is not found but is clearly a mistyped copy of one "
        "span of its document (case, punctuation, a typo, a doubled word), propose the exact "
        "corpus text; for each bare value its quote only ever qualifies "
        "(value-qualifier-missing), propose the qualified value when exactly one is possible "
        "(aircraft: 10 -> aircraft: up to 10). Prints a unified diff; --write rewrites only "
        "those values, keeping every other byte of the file. Quotes without one confident "
        "match, and values with more than one possible form, are left alone; each broken "
        "quote left alone is named on stderr with the rule that keeps it (numbers are never "
        "changed, elisions never guessed, two alike places never chosen between).",
        epilog="examples:\n  python -m generator fix\n  python -m generator fix --write\n\n"
        "exit status:\n  0  nothing to fix, or fixes written\n"
        "  1  fixes proposed and not written\n  2  the command could not run (bad path)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_folder_options(fix)
    fix.add_argument("--write", action="store_true", help="rewrite the quotes and values in place")
    fix.set_defaults(handler=run_fix_command)


def add_schema_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    schema = commands.add_parser(
        "schema",
        help="print (or --write) the JSON Schema of the fact files, for editors",
        description="The JSON Schema of a file under facts/, generated from the model. "
        "Editors use it through the '# yaml-language-server: $schema=...' first line.",
        epilog="examples:\n  python -m generator schema\n  python -m generator schema --write"
        "\n\nexit status:\n  0  printed or written",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    schema.add_argument("--write", action="store_true", help="write it to --output")
    schema.add_argument(
        "--output",
        type=Path,
        default=Path("schema/facts.schema.json"),
        help="default: schema/facts.schema.json",
    )
    schema.set_defaults(handler=lambda o: authoring().run_schema(o.write, o.output))


def add_audit_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = commands.add_parser(
        "audit",
        help="scan every HTML page of a built site for scripts, handlers and unsafe URLs",
        description="After `mkdocs build`: report every on* attribute, javascript:/data: URL, "
        "embedding element or <script> on any page that the theme did not put there, and "
        "every link, image or stylesheet URL to a host the site did not put there (the "
        "theme's, site_url's and repo_url's, and the url: of each corpus source).",
        epilog="examples:\n  python -m generator audit site\n"
        "  python -m generator audit site --facts facts\n\n"
        "exit status:\n  0  nothing found\n  1  findings\n  2  no built site in SITE_DIR",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    audit.add_argument("site", metavar="SITE_DIR", type=Path, help="the built site (site/)")
    audit.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        metavar="FILE",
        help="the MkDocs configuration the site was built with, for the hosts it may link "
        "to (default: mkdocs.yml; without one, only the theme's hosts)",
    )
    audit.add_argument(
        "--facts",
        type=Path,
        metavar="DIR",
        help="also fail when a fact of DIR is not on its country's page (a site built without "
        "the generated pages, by a builder that skipped the plugin)",
    )
    audit.set_defaults(handler=run_audit_command)


def add_add_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    add = commands.add_parser(
        "add",
        help="add a saved web page or a text file to the corpus, with its provenance",
        description="Extract the article of a saved web page (its main text, one paragraph a "
        "line, and the title, outlet, author, date and address it states) or take a UTF-8 "
        "text file, write it to the corpus as <id>.txt and list it in sources.yml with its "
        "sha256, address and the day it was retrieved. Prints what was extracted and which "
        "metadata was not found (left out, never guessed). Refuses, writing nothing, a "
        "document already in the corpus (same text or address), a page with next to no "
        "text, a file that is neither HTML nor UTF-8 text, and an id already taken.",
        epilog="examples:\n  python -m generator add ~/Downloads/article.html\n"
        "  python -m generator add article.html --url https://news.example/story "
        "--archived-url https://web.archive.org/web/2024/https://news.example/story\n"
        "  python -m generator add statement.txt --title 'Joint statement' --url URL\n\n"
        "exit status:\n  0  the document was added\n  1  refused: nothing was written\n"
        "  2  the command could not run (no such file or folder, bad option)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("path", metavar="PATH", type=Path, help="a saved .html page or a .txt file")
    add.add_argument(
        "--url",
        type=web_address,
        help="where it was published (default: the page's own "
        "canonical address, when it states one)",
    )
    add.add_argument("--archived-url", type=web_address, metavar="URL", help="an archived copy")
    add.add_argument("--id", dest="doc_id", metavar="ID", help="default: the next NNN_<sha256>")
    add.add_argument("--title", help="default: the page's title, or a text file's first line")
    add.add_argument(
        "--retrieved",
        type=day,
        default=date.today().isoformat(),
        metavar="YYYY-MM-DD",
        help="when the page was saved (default: today)",
    )
    add.add_argument("--corpus", type=Path, default=Path("corpus"), help="default: corpus/")
    add.set_defaults(handler=run_add_command)


def web_address(text: str) -> str:
    from generator.corpus.documents import WEB_ADDRESS

    if not WEB_ADDRESS.match(text):
        raise argparse.ArgumentTypeError(f"{text!r} is not an http:// or https:// address")
    return text


def day(text: str) -> str:
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise argparse.ArgumentTypeError(f"{text!r} is not a date written YYYY-MM-DD")


def run_add_command(options: argparse.Namespace) -> int:
    from generator.intake.command import run_add
    from generator.intake.plan import Request

    request = Request(
        options.path,
        options.corpus,
        options.retrieved,
        options.url,
        options.archived_url,
        options.doc_id,
        options.title,
    )
    return run_add(request)


def add_export_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    export = commands.add_parser(
        "export-docs",
        help="write the generated pages and downloads as files, for any site builder",
        description="Check the facts, then write every page and download the MkDocs plugin "
        "generates (the same function) into OUT_DIR, as Markdown files under their docs/ "
        "paths. Files whose content is unchanged are not rewritten; files an earlier export "
        "wrote that are no longer generated are removed. Settings (site_name, repo_url, "
        "use_directory_urls, the plugin's facts and corpus) come from --config.",
        epilog="examples:\n  python -m generator export-docs build/docs\n"
        "  python -m generator export-docs build/docs --links source   (for Zensical)\n\n"
        "exit status:\n  0  written\n  1  the facts do not pass the check (nothing written)\n"
        "  2  the command could not run (no such config, facts or corpus)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    export.add_argument("out", metavar="OUT_DIR", type=Path, help="where to write the files")
    export.add_argument(
        "--links",
        choices=["site", "source"],
        default="site",
        help="site: links between pages as MkDocs writes them (to the built pages); source: "
        "to the Markdown files, relative to each page's file, as Zensical resolves them "
        "(default: site)",
    )
    export.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="mkdocs.yml")
    export.add_argument("--corpus", type=Path, help="default: the plugin's, in --config")
    export.add_argument("--facts", type=Path, help="default: the plugin's, in --config")
    export.set_defaults(handler=run_export_command)


def run_export_command(options: argparse.Namespace) -> int:
    from generator.site.export import export_docs
    from generator.site.generate import ConfigError, FactsFailed

    if not options.config.is_file():
        print(f"error: --config {options.config} is not a file", file=sys.stderr)
        return 2
    try:
        written, unchanged = export_docs(
            options.out, options.config, options.corpus, options.facts, options.links
        )
    except FactsFailed as failed:
        sys.stdout.write(str(failed))
        print("error: the facts do not pass the check; nothing was exported", file=sys.stderr)
        return 1
    except (ConfigError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    print(f"Exported to {options.out}: {written} files written, {unchanged} unchanged.")
    return 0


def add_folder_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--corpus", type=Path, default=Path("corpus"), help="corpus folder (default: corpus/)"
    )
    parser.add_argument(
        "--facts",
        type=Path,
        default=Path("facts"),
        help="facts folder, inside the current directory (default: facts/)",
    )
    parser.add_argument(
        "--allow-outside",
        action="store_true",
        help="accept a --facts folder outside the current directory (every *.yml below it "
        "is read: never point it at / or your home)",
    )


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def folders_missing(options: argparse.Namespace) -> bool:
    for name in ("corpus", "facts"):
        folder: Path = getattr(options, name)
        if not folder.is_dir():
            print(f"error: --{name} {folder} is not a folder", file=sys.stderr)
            return True
    return facts_outside(options.facts, options.allow_outside)


def facts_outside(facts: Path, allowed: bool) -> bool:
    """Whether --facts (links resolved) leaves the project, the current directory, unasked:
    `--facts /` would read every *.yml of the machine."""
    project = Path.cwd().resolve()
    resolved = facts.resolve()
    if allowed or resolved == project or project in resolved.parents:
        return False
    print(
        f"error: --facts {facts} is outside the project ({project}); run from the project's "
        "folder, or pass --allow-outside",
        file=sys.stderr,
    )
    return True


def run_check_command(options: argparse.Namespace) -> int:
    if folders_missing(options):
        return 2
    cache = None if options.no_cache else open_cache(options.cache_dir)
    with progress_shown("checking") as stages:
        result = check_project(options.corpus, options.facts, cache, options.jobs, stages)
    try:
        review = review_against(options.changed_from, options.facts)
    except GitError as error:
        print(f"error: --changed-from: {error}", file=sys.stderr)
        return 2
    summary_file = summary_path(options.summary, options.format)
    try:
        sys.stdout.write(report(result, options.format, review, summary_file))
    except OSError as error:
        print(f"error: cannot write the summary {summary_file}: {error.strerror}", file=sys.stderr)
        return 2
    return result.exit_code(strict=options.strict)


def open_cache(folder: Path | None) -> Cache | None:
    """The cache in `folder` (by default, the user's for this checkout), or None (with a
    warning on stderr) when there can be none."""
    place = folder or default_cache_folder()
    cache = None if place is None else Cache(place)
    problem = "$XDG_CACHE_HOME is inside the project" if cache is None else cache.problem
    if problem is not None:
        print(f"warning: checking without a cache: {problem}", file=sys.stderr)
        return None
    return cache


def run_fix_command(options: argparse.Namespace) -> int:
    if folders_missing(options):
        return 2
    return int(authoring().run_fix(options.corpus, options.facts, options.write))


def run_audit_command(options: argparse.Namespace) -> int:
    from generator.audit import run_audit
    from generator.hosts import configured_hosts

    status = run_audit(options.site, configured_hosts(options.config))
    if options.facts is None or status == 2:
        return status
    from generator.site.completeness import missing_facts

    missing = missing_facts(options.site, options.facts)
    for finding in missing:
        print(finding)
    return 1 if missing else status


def authoring() -> ModuleType:
    """The authoring commands, imported when one is run (`check` starts faster without)."""
    from generator.authoring import commands

    return commands


@contextmanager
def collector_paused() -> Iterator[None]:
    """The one process-wide setting: a check makes millions of objects and frees few, so no
    garbage collection while a command runs, and what it loaded is frozen after (the
    interpreter's last collection at exit then does not scan it all)."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def main(argv: list[str] | None = None) -> int:
    options = build_parser().parse_args(argv)
    handler = options.handler
    with collector_paused():
        try:
            return int(handler(options))
        except CorpusChanged as error:  # edited (or checked out) while the command read it
            print(f"error: {error}", file=sys.stderr)
            return 2
