"""What `add` would write, or why it refuses: decided before anything is written."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.corpus.documents import SOURCES_FILE, WEB_ADDRESS, Listing, parse_sources
from generator.corpus.normalize import split_paragraphs
from generator.intake.extract import MIN_WORDS, Extracted, NotReadable, extract
from generator.intake.listing import LayoutError, appended
from generator.model import DOC_PATTERN

_SEQUENCE = re.compile(r"^([0-9]+)_")


@dataclass(frozen=True, slots=True)
class Request:
    """The options of one `add`."""

    path: Path
    corpus: Path
    retrieved: str
    url: str | None = None
    archived_url: str | None = None
    doc_id: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Plan:
    """The document and the new sources.yml, ready to write."""

    doc_id: str
    text: bytes
    sources_before: bytes
    sources: bytes
    entry: dict[str, str]
    extracted: Extracted
    url_given: bool


@dataclass(frozen=True, slots=True)
class Refusal:
    """Why nothing is written; `extracted` when the file could be read."""

    message: str
    extracted: Extracted | None = None


@dataclass(frozen=True, slots=True)
class Existing:
    """The corpus as it is: its ids, listings, and each document's normalised text by id."""

    listings: dict[str, Listing]
    files: dict[str, Path]
    sources: bytes = field(repr=False)


def plan_add(request: Request, raw: bytes) -> Plan | Refusal:
    """Read the file `raw` (the bytes of request.path) and decide what to write."""
    try:
        extracted = extract(request.path, raw)
    except NotReadable as error:
        return Refusal(f"{request.path} is neither a web page nor a UTF-8 text file: {error}")
    too_little = _too_little(extracted)
    if too_little:
        return Refusal(too_little, extracted)
    existing = _existing(request.corpus)
    if isinstance(existing, Refusal):
        return Refusal(existing.message, extracted)
    return _planned(request, extracted, existing)


def _planned(request: Request, extracted: Extracted, existing: Existing) -> Plan | Refusal:
    text = extracted.text.encode("utf-8")
    digest = hashlib.sha256(text).hexdigest()
    url = request.url or (extracted.url if _is_web(extracted.url) else None)
    title = request.title or extracted.title
    problem = (
        _same_text(extracted.text, digest, existing)
        or _same_address((url, request.archived_url), existing)
        or _bad_id(request.doc_id, existing)
        or (None if title else "no title was found: give one with --title")
    )
    if problem:
        return Refusal(problem, extracted)
    doc_id = request.doc_id or next_id(existing, digest)
    fields = {
        "id": doc_id,
        "title": title or "",
        "outlet": extracted.outlet or "",
        "author": extracted.author or "",
        "published": extracted.published or "",
        "url": url or "",
        "archived_url": request.archived_url or "",
        "retrieved": request.retrieved,
        "sha256": digest,
    }
    entry = {name: value for name, value in fields.items() if value}
    try:
        sources = appended(existing.sources, entry)
    except LayoutError as error:
        return Refusal(str(error), extracted)
    given = request.url is not None
    return Plan(doc_id, text, existing.sources, sources, entry, extracted, given)


def next_id(existing: Existing, digest: str) -> str:
    """The corpus scheme: the next sequence number (3 digits or more), `_`, the first 16 hex
    digits of the text's sha256."""
    ids = [*existing.listings, *existing.files]
    prefixes = [match.group(1) for doc_id in ids if (match := _SEQUENCE.match(doc_id))]
    following = max((int(prefix) for prefix in prefixes), default=-1) + 1
    width = max([3, *map(len, prefixes)])
    return f"{following:0{width}d}_{digest[:16]}"


def _too_little(extracted: Extracted) -> str | None:
    if extracted.words >= MIN_WORDS:
        return None
    return (
        f"only {extracted.words} words of text were found (fewer than {MIN_WORDS}): this is "
        "not an article (a paywall, a cookie wall, a page of links?); save the page once its "
        "text shows, or save the text itself as a .txt file"
    )


def _existing(corpus: Path) -> Existing | Refusal:
    path = corpus / SOURCES_FILE
    try:
        sources = path.read_bytes()
    except FileNotFoundError:
        sources = b"documents:\n"
    except OSError as error:
        return Refusal(f"cannot read {path}: {error.strerror}")
    listings, problems = parse_sources(sources, str(path))
    if problems:
        first = problems[0]
        return Refusal(
            f"{path} has problems ({first.file}:{first.line}: {first.message}); "
            "run `python -m generator check` and fix them first"
        )
    files = {entry.stem: entry for entry in corpus.glob("*.txt")}
    return Existing(listings, files, sources)


def _same_text(text: str, digest: str, existing: Existing) -> str | None:
    for doc_id, listing in existing.listings.items():
        if listing.sha256 == digest:
            return f"this text is already in the corpus, as {doc_id}"
    normalized = "\n".join(split_paragraphs(text)[1])
    for doc_id, path in existing.files.items():
        try:
            other = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "\n".join(split_paragraphs(other)[1]) == normalized:
            return f"this text is already in the corpus, as {doc_id} (the same after normalising)"
    return None


def _same_address(addresses: tuple[str | None, ...], existing: Existing) -> str | None:
    for doc_id, listing in existing.listings.items():
        known = {_comparable(listing.fields.get(name)) for name in ("url", "archived_url")}
        for address in addresses:
            if address and _comparable(address) in known:
                return f"{address} is already in the corpus, as {doc_id}"
    return None


def _comparable(address: str | None) -> str | None:
    """An address without its fragment or trailing slash, scheme and host in lower case."""
    if not address:
        return None
    address = address.split("#", 1)[0].rstrip("/")
    scheme, _, rest = address.partition("://")
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


def _bad_id(doc_id: str | None, existing: Existing) -> str | None:
    if doc_id is None:
        return None
    if not re.match(DOC_PATTERN, doc_id):
        return f"--id {doc_id!r} is not a document id: letters, digits, '_' and '-' only"
    if doc_id in existing.listings or doc_id in existing.files:
        return f"--id {doc_id}: a document with this id is already in the corpus"
    return None


def _is_web(address: str | None) -> bool:
    return bool(address and WEB_ADDRESS.match(address))
