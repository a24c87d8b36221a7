"""English prose found on this machine, for the natural-prose benchmark corpus.

The sentences come from the licences in /usr/share/common-licenses, the docstrings of the
running Python's standard library and the copyright files of /usr/share/doc, read in sorted
order until there are enough, so one machine gives the same sentences every run; nothing of
it is committed.
"""

from __future__ import annotations

import inspect
import re
import sysconfig
from collections.abc import Iterator
from functools import cache
from pathlib import Path

LICENCES = Path("/usr/share/common-licenses")
_DOCSTRING = re.compile(r'"""(.*?)"""', re.S)
_SENTENCE_END = re.compile(r"(?<=[a-z][.!?])\s+(?=[A-Z])")
_PROSE = re.compile(r"[A-Z][A-Za-z0-9 ,;:'()-]*[a-z][.!?]")
MIN_WORDS, MAX_WORDS = 6, 40


@cache
def prose_sentences(characters: int) -> tuple[str, ...]:
    """Sentences of plain prose, in a fixed order, until they hold `characters` characters
    (fewer if the machine has less)."""
    found: dict[str, None] = {}  # ordered, without repeats
    size = 0
    for text in _texts():
        for sentence in _sentences(text):
            if sentence not in found:
                found[sentence] = None
                size += len(sentence) + 1
        if size >= characters:
            break
    if not found:
        raise RuntimeError("no English prose found on this machine for the prose corpus")
    return tuple(found)


def _sentences(text: str) -> Iterator[str]:
    for paragraph in re.split(r"\n\s*\n", text):
        if ">>>" in paragraph or "\n " in paragraph or paragraph.startswith(" "):
            continue  # code or an example
        for sentence in _SENTENCE_END.split(" ".join(paragraph.split())):
            if _PROSE.fullmatch(sentence) and MIN_WORDS <= len(sentence.split()) <= MAX_WORDS:
                yield sentence


def _texts() -> Iterator[str]:
    stdlib = Path(sysconfig.get_paths()["stdlib"])
    skipped = {"site-packages", "test", "tests", "idlelib"}
    folders = [p for p in sorted(stdlib.iterdir()) if p.is_dir() and p.name not in skipped]
    modules = [*sorted(stdlib.glob("*.py")), *(p for f in folders for p in sorted(f.rglob("*.py")))]
    for path in [*sorted(LICENCES.glob("*")), *modules]:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if path.suffix != ".py":
            yield text
        elif not skipped & set(path.parts):
            yield from map(inspect.cleandoc, _DOCSTRING.findall(text))
    for path in sorted(Path("/usr/share/doc").glob("*/copyright")):
        try:
            yield path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
