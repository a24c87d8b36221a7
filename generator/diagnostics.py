"""Problems as data: every finding of the checker is one `Diagnostic`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


#: The diagnostic codes of the contract (SPEC.md), with their severity and what they mean.
CODES: dict[str, tuple[Severity, str]] = {
    "yaml-syntax": (Severity.ERROR, "a file is not valid YAML"),
    "duplicate-key": (Severity.ERROR, "a mapping repeats a key"),
    "schema": (Severity.ERROR, "missing or unknown field, wrong type, bad id or date"),
    "duplicate-id": (Severity.ERROR, "a fact, event or country id defined twice"),
    "unknown-country": (Severity.ERROR, "a code not in any countries: list"),
    "unknown-event": (Severity.ERROR, "an event id that is not defined"),
    "unknown-document": (Severity.ERROR, "a doc that is not in the corpus"),
    "corpus-integrity": (Severity.ERROR, "a corpus file missing, unlisted, or altered"),
    "quote-too-short": (Severity.ERROR, "fewer than five words"),
    "quote-not-found": (Severity.ERROR, "the quote is in no document"),
    "quote-in-other-document": (Severity.ERROR, "the quote is in another document"),
    "value-not-in-quote": (Severity.ERROR, "a values number does not occur in its quote"),
    "value-qualifier-missing": (
        Severity.ERROR,
        "a bare value whose number the quote qualifies or gives as a range",
    ),
    "value-key-not-in-quote": (
        Severity.WARNING,
        "the value's key is not what the quote counts after the number",
    ),
    "claim-number-unsupported": (
        Severity.ERROR,
        "a number in the claim is in no quote of the fact and not in its date",
    ),
    "country-not-mentioned": (Severity.WARNING, "no country of the fact is named in its quotes"),
    "date-unsupported": (Severity.ERROR, "no quote of the event or fact supports its date"),
}


def shown(text: str) -> str:
    """`text` safe to print on one line of a report: unprintable characters escaped.

    Messages quote keys and values of untrusted files: a line break (any of them: `\\n`,
    `\\r`, NEL, LS, PS, VT, FF...) or a terminal escape in one must not forge a line of the
    report (or a GitHub workflow command) or drive the terminal. Escaping twice changes nothing.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


#: A diagnostic as plain data (for a cache entry or a worker): `Diagnostic(*row)` is it again.
Row = tuple[str, int, int, str, str, str | None]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem at one place: file, 1-based line and column, code and advice.

    The file, message and id are escaped when the diagnostic is made (`shown`), so whatever
    a message quotes, every report format prints it on one line.
    """

    file: str
    line: int
    column: int
    code: str
    message: str
    id: str | None = None

    def __post_init__(self) -> None:
        for name in ("file", "message", "id"):
            value = getattr(self, name)
            if value is not None and not value.isprintable():
                object.__setattr__(self, name, shown(value))

    @property
    def severity(self) -> Severity:
        return CODES[self.code][0]

    def to_row(self) -> Row:
        """The fields as plain data (for a cache or another process): `Diagnostic(*row)`."""
        return (self.file, self.line, self.column, self.code, self.message, self.id)

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "code": self.code,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "id": self.id,
            "message": self.message,
        }


#: At most about this many problems are reported for one file (per stage: loading, checking);
#: the rest are counted, not made, and reported as one "… and N more" line.
MAX_PER_FILE = 100


@dataclass(slots=True)
class Omitted:
    """The problems of one file past `MAX_PER_FILE`: how many, and where the first one is."""

    count: int = 0
    line: int = 1
    column: int = 1

    def add(self, line: int, column: int, count: int = 1) -> None:
        if not self.count:
            self.line, self.column = line, column
        self.count += count

    def diagnostic(self, file: str, code: str) -> Diagnostic:
        problems = f"problem{'' if self.count == 1 else 's'}"
        message = (
            f"… and {self.count:,} more {problems} in this file from here on, not shown (at "
            f"most {MAX_PER_FILE} are reported per file); fix those above and check again"
        )
        return Diagnostic(file, self.line, self.column, code, message)


def capped(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """One file's diagnostics in order, the first `MAX_PER_FILE` of them and a line for the
    rest (with the code of the first error left out, so the line counts as an error)."""
    ordered = sorted_diagnostics(diagnostics)
    if len(ordered) <= MAX_PER_FILE:
        return ordered
    kept, rest = ordered[:MAX_PER_FILE], ordered[MAX_PER_FILE:]
    first = next((item for item in rest if item.severity is Severity.ERROR), rest[0])
    omitted = Omitted(len(rest), rest[0].line, rest[0].column)
    return [*kept, omitted.diagnostic(rest[0].file, first.code)]


def sorted_diagnostics(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """The stable order of the contract: file, line, column."""
    return sorted(diagnostics, key=Diagnostic.sort_key)


class ExpectedError(Exception):
    """A failure the user is told of in one line (not a bug), such as a corpus document changed
    during a check: a worker process sends it to the parent, which raises it as it is."""
